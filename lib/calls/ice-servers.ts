import type { Env } from '@/lib/env';
import type { IceServer } from './call-types';
import { createTurnCredential } from './turn-credentials';

/** The call's network settings (lib/env.ts: CALL_ICE_URLS, CALL_TURN_SECRET, CALL_TURN_TTL_SECONDS). */
export interface CallNetworkConfig {
  iceUrls: string[];
  turnSecret?: string;
  turnTtlSeconds: number;
}

/** Whether a URL names a relay (TURN), which needs credentials, rather than a STUN server, which needs none. */
export function isTurnUrl(url: string): boolean {
  return /^turns?:/i.test(url);
}

/**
 * The ICE servers one member is handed when joining a call: STUN servers as configured, TURN servers with a
 * credential of their own (so coturn's log names who relayed). Nothing configured, nothing returned: the
 * browsers then offer only their own addresses and no outside server is ever contacted.
 */
export function iceServersFor(config: CallNetworkConfig, userId: string, now: number): IceServer[] {
  const stun = config.iceUrls.filter((url) => !isTurnUrl(url));
  const turn = config.iceUrls.filter(isTurnUrl);
  const servers: IceServer[] = [];
  if (stun.length > 0) servers.push({ urls: stun });
  if (turn.length > 0 && config.turnSecret) {
    servers.push({ urls: turn, ...createTurnCredential(config.turnSecret, userId, config.turnTtlSeconds, now) });
  }
  return servers;
}

/** The call's settings out of the validated environment. */
export function callNetworkConfigOf(env: Pick<Env, 'CALL_ICE_URLS' | 'CALL_TURN_SECRET' | 'CALL_TURN_TTL_SECONDS'>): CallNetworkConfig {
  return { iceUrls: env.CALL_ICE_URLS, turnSecret: env.CALL_TURN_SECRET, turnTtlSeconds: env.CALL_TURN_TTL_SECONDS };
}
