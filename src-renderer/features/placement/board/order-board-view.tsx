import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { placementStatusLabels } from '../../../../src-shared/domain/placement/placement.schema';
import type { PlacementCase } from '../../../../src-shared/domain/placement/placement.workflow';
import { useAppStore } from '../../../app/store';
import { orderPath } from '../placement-path';
import { usePlacementText } from '../placement-text';
import { orderBoard, type OrderCard } from './order-board';

/** The orders in columns by status (sent → completed, and no capacity); drafts and cancelled orders below. */
export function OrderBoardView({ orders, showCourse }: { orders: readonly PlacementCase[]; showCourse: boolean }) {
  const t = usePlacementText().board;
  const language = useAppStore((state) => state.language);
  const board = orderBoard(orders);
  return (
    <>
      <div className="placement-board">
        {board.columns.map(({ status, cards }) => (
          <BoardColumn key={status} id={`board-${status}`} title={placementStatusLabels[status][language]} cards={cards} showCourse={showCourse} />
        ))}
      </div>
      {board.drafts.length > 0 && <BoardColumn id="board-draft" title={t.drafts} cards={board.drafts} showCourse={showCourse} />}
      {board.cancelled.length > 0 && <BoardColumn id="board-cancelled" title={t.cancelled} cards={board.cancelled} showCourse={showCourse} />}
    </>
  );
}

function BoardColumn({ id, title, cards, showCourse }: { id: string; title: string; cards: readonly OrderCard[]; showCourse: boolean }) {
  const t = usePlacementText().board;
  return (
    <section aria-labelledby={`${id}-heading`} className="placement-board__column">
      <Heading level={2} data-size="2xs" id={`${id}-heading`}>
        {title} <span className="placement-board__count">({t.count(cards.length)})</span>
      </Heading>
      {cards.length === 0 ? (
        <Paragraph data-size="sm">{t.empty}</Paragraph>
      ) : (
        <ul className="placement-board__cards">
          {cards.map((card) => (
            <li key={card.id} className="placement-board__card">
              <Link asChild>
                <RouterLink to={orderPath(card.id)}>{t.cardLink(card.caseNumber, card.siteName)}</RouterLink>
              </Link>
              {showCourse && <Paragraph data-size="xs">{card.course}</Paragraph>}
              <Paragraph data-size="xs">{t.classes(card.classes.join(', '))}</Paragraph>
              <Paragraph data-size="xs">{t.places(card.requested, card.confirmed)}</Paragraph>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
