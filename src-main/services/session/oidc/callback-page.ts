/**
 * The page the browser shows after the provider sent it back to the app's loopback address:
 * the app takes over, so it only says to return there (bokmål, then English).
 */
export function callbackPage(outcome: 'received' | 'failed' | 'unknown'): string {
  const [nb, en] = texts[outcome];
  return `<!doctype html>
<html lang="nb">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Saksflyt</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5; color: #1a1a1a; background: #fff">
<main>
<h1>${nb[0]}</h1>
<p>${nb[1]}</p>
<div lang="en"><h2>${en[0]}</h2><p>${en[1]}</p></div>
</main>
</body>
</html>
`;
}

const texts: Record<'received' | 'failed' | 'unknown', [[string, string], [string, string]]> = {
  received: [
    ['Du kan lukke dette vinduet', 'Innloggingen fortsetter i Saksflyt. Gå tilbake til appen.'],
    ['You can close this window', 'The sign-in continues in Saksflyt. Return to the app.'],
  ],
  failed: [
    ['Innloggingen ble ikke fullført', 'Du kan lukke dette vinduet. Saksflyt viser hva som gikk galt.'],
    ['The sign-in was not completed', 'You can close this window. Saksflyt shows what went wrong.'],
  ],
  unknown: [
    ['Ukjent innlogging', 'Denne lenken hører ikke til en innlogging Saksflyt venter på. Start innloggingen på nytt i appen.'],
    ['Unknown sign-in', 'This link does not belong to a sign-in Saksflyt is waiting for. Start the sign-in again in the app.'],
  ],
};
