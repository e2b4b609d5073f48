import type { Ack } from '@/lib/realtime/ack';
import { encodeUpdate } from '@/lib/realtime/update-encoding';
import { sendCommand, type RoomSocket } from '@/components/room/socket-request';

// Records this browser's own microphone and sends each MediaRecorder slice as it is produced. A slice leaves the
// queue only when the server acknowledges it stored; anything unacknowledged is sent again on the next slice or
// reconnect (the server stores each (track, sequence) once). So a closed tab or a killed server loses at most the
// slice being recorded. Loaded with import() when a recording starts: none of this is in the room's bundle.

/** One slice every 5 s: ~15-20 KB of Opus, and at most 5 s lost when the tab closes. */
export const TIMESLICE_MS = 5_000;
const MIME_TYPE = 'audio/webm;codecs=opus';
/** Refusals that will not change on a resend: stop recording and say why, instead of retrying forever. */
const FINAL_REFUSALS = new Set(['INVALID_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'UNAUTHENTICATED']);

export interface UploaderStatus {
  storedCount: number;
  pendingCount: number;
  /** Set when recording had to stop: a refusal or no microphone. */
  error: string | null;
  isRecording: boolean;
}

interface UploaderOptions {
  sessionId: string;
  recordingId: string;
  /** The server's clock (Date.now() + offset) and the round clock now: stamped on every slice. */
  serverNow: () => number;
  roundElapsedMs: () => number;
  /** The socket to send on, or null while disconnected (slices wait). */
  socket: () => RoomSocket | null;
  onStatus: (status: UploaderStatus) => void;
}

interface PendingChunk {
  sequence: number;
  recordedAt: number;
  roundElapsedMs: number;
  data: string;
}

export class ChunkUploader {
  private recorder: MediaRecorder | null = null;
  private stream: MediaStream | null = null;
  private readonly trackId = crypto.randomUUID();
  private trackStartedAt = 0;
  private trackRoundElapsedMs = 0;
  private nextSequence = 0;
  private readonly pending: PendingChunk[] = [];
  private isSending = false;
  private isStopped = false;
  private prepared: Promise<boolean> | null = null;
  private status: UploaderStatus = { storedCount: 0, pendingCount: 0, error: null, isRecording: false };

  constructor(private readonly options: UploaderOptions) {}

  /**
   * Opens the microphone (the browser's permission prompt, if any, comes with the yes), so that recording can
   * begin the moment everyone has consented instead of a device start later. False when there is none to use.
   */
  prepare(): Promise<boolean> {
    this.prepared ??= this.acquire();
    return this.prepared;
  }

  /** Starts recording (once): at the moment the recording runs for everyone. */
  async start(): Promise<void> {
    if (this.recorder || this.isStopped || !(await this.prepare()) || this.isStopped || this.recorder || !this.stream) return;
    if (typeof MediaRecorder === 'undefined' || !MediaRecorder.isTypeSupported(MIME_TYPE)) {
      this.release();
      this.update({ error: 'This browser cannot record Opus audio: nothing of yours is recorded.' });
      return;
    }
    this.trackStartedAt = this.options.serverNow();
    this.trackRoundElapsedMs = this.options.roundElapsedMs();
    const recorder = new MediaRecorder(this.stream, { mimeType: MIME_TYPE, audioBitsPerSecond: 32_000 });
    recorder.addEventListener('dataavailable', (event) => void this.enqueue(event.data));
    recorder.addEventListener('stop', () => this.release());
    recorder.start(TIMESLICE_MS);
    this.recorder = recorder;
    this.update({ isRecording: true });
  }

  /** Stops the microphone; the last slice still goes to the server. */
  stop(): void {
    this.isStopped = true;
    if (this.recorder && this.recorder.state !== 'inactive') this.recorder.stop();
    else this.release();
    this.update({ isRecording: false });
  }

  private async acquire(): Promise<boolean> {
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      const name = error instanceof DOMException ? error.name : '';
      this.update({ error: name === 'NotAllowedError' ? 'Microphone permission was refused: nothing of yours is recorded.' : 'No microphone is available: nothing of yours is recorded.' });
      return false;
    }
    // Stopped while the browser was opening the device: give it back at once.
    if (this.isStopped) this.release();
    return !this.isStopped;
  }

  /** Sends whatever is unacknowledged (after a reconnect). */
  flush(): void {
    void this.sendPending();
  }

  private async enqueue(blob: Blob): Promise<void> {
    if (blob.size === 0) return;
    // Stamped now, before the bytes are read: the moment the recorder handed the slice over.
    const chunk = { sequence: this.nextSequence++, recordedAt: this.options.serverNow(), roundElapsedMs: this.options.roundElapsedMs(), data: '' };
    this.pending.push(chunk);
    chunk.data = encodeUpdate(new Uint8Array(await blob.arrayBuffer()));
    this.update({});
    await this.sendPending();
  }

  private async sendPending(): Promise<void> {
    if (this.isSending) return;
    this.isSending = true;
    try {
      while (this.pending.length > 0 && !this.status.error) {
        const socket = this.options.socket();
        const chunk = this.pending[0]!;
        if (!socket || chunk.data === '') return;
        const ack: Ack<unknown> = await sendCommand(socket, 'recording:chunk', {
          sessionId: this.options.sessionId,
          recordingId: this.options.recordingId,
          trackId: this.trackId,
          sequence: chunk.sequence,
          trackStartedAt: this.trackStartedAt,
          trackRoundElapsedMs: this.trackRoundElapsedMs,
          recordedAt: chunk.recordedAt,
          roundElapsedMs: chunk.roundElapsedMs,
          data: chunk.data,
        });
        if (ack.ok) {
          this.pending.shift();
          this.update({ storedCount: this.status.storedCount + 1 });
        } else if (FINAL_REFUSALS.has(ack.code)) {
          this.stop();
          this.update({ error: `Recording stopped: ${ack.message}` });
        } else {
          // Unavailable or rate-limited: keep the slice; the next slice or the reconnect sends it again.
          return;
        }
      }
    } finally {
      this.isSending = false;
    }
  }

  private release(): void {
    this.stream?.getTracks().forEach((track) => track.stop());
    this.stream = null;
  }

  private update(change: Partial<UploaderStatus>): void {
    this.status = { ...this.status, ...change, pendingCount: this.pending.length };
    this.options.onStatus(this.status);
  }
}
