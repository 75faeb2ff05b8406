/**
 * Answers one request has already looked up, by key: the calls of one HTTP batch or one page
 * render ask for the same session and the same thread access, and get the first lookup's promise.
 * It lives in the request's context and dies with it, so it never shows anyone what they could
 * see before the request began. Only queries use it: a mutation looks everything up afresh.
 */
export type RequestMemo = Map<string, Promise<unknown>>;

export function createRequestMemo(): RequestMemo {
  return new Map();
}

/** The memo's answer for `key`, looked up by `lookUp` the first time; without a memo, looked up every time. */
export function remember<T>(memo: RequestMemo | undefined, key: string, lookUp: () => Promise<T>): Promise<T> {
  if (!memo) return lookUp();
  let answer = memo.get(key) as Promise<T> | undefined;
  if (!answer) {
    answer = lookUp();
    memo.set(key, answer);
  }
  return answer;
}
