import { createHmac } from 'node:crypto';

// coturn's REST API scheme (`use-auth-secret` with `static-auth-secret`): the username is the credential's
// expiry (Unix seconds) and the user it was issued to, the password is base64(HMAC-SHA1(secret, username)). coturn
// recomputes it from the shared secret, so nothing is stored and a leaked credential dies at its expiry.

export interface TurnCredential {
  username: string;
  credential: string;
}

/** A TURN credential for `userId`, valid for `ttlSeconds` from `now` (milliseconds since the epoch). */
export function createTurnCredential(secret: string, userId: string, ttlSeconds: number, now: number): TurnCredential {
  const expiresAt = Math.floor(now / 1000) + ttlSeconds;
  const username = `${expiresAt}:${userId}`;
  return { username, credential: createHmac('sha1', secret).update(username).digest('base64') };
}
