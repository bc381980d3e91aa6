/**
 * Sends a file as the request body with XMLHttpRequest, the browser API that reports upload
 * progress (fetch does not): `onProgress` gets the share sent so far, 0 to 1.
 */
export function uploadFile(
  path: string,
  file: File,
  token: string | undefined,
  onProgress: (share: number) => void,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('content-type', file.type || 'application/octet-stream');
    if (token) request.setRequestHeader('authorization', `Bearer ${token}`);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = undefined;
      }
      resolve({ status: request.status, body });
    };
    // A network failure: as if the server were unavailable.
    request.onerror = () => resolve({ status: 0, body: undefined });
    request.send(file);
  });
}
