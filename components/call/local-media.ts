// The user's own camera and microphone: opening them with fallbacks (no camera → audio only → nothing), and
// what to tell the user when the browser says no. The room works without media: listen-only still hears and
// sees the others.

export interface DeviceChoice {
  microphoneId: string | null;
  cameraId: string | null;
}

export interface LocalMedia {
  audio: MediaStreamTrack | null;
  video: MediaStreamTrack | null;
  /** Set when something was refused or missing: what happened and what the user can do. */
  problem: string | null;
}

const LISTEN_ONLY = 'You can still join listen-only: you will hear and see the others, and the editor works as before.';

export function describeMediaError(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') {
    return `Your browser blocked the camera and microphone for this site. Allow them in the site settings (the icon at the left of the address bar), then try again. ${LISTEN_ONLY}`;
  }
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return `No microphone or camera was found. Plug one in and try again. ${LISTEN_ONLY}`;
  if (name === 'NotReadableError' || name === 'AbortError') {
    return `The camera or microphone is in use by another app, or blocked by the system. Close that app and try again. ${LISTEN_ONLY}`;
  }
  return `The camera and microphone could not be opened (${name || 'unknown error'}). ${LISTEN_ONLY}`;
}

function constraint(deviceId: string | null): MediaTrackConstraints | boolean {
  return deviceId ? { deviceId: { exact: deviceId } } : true;
}

/** Opens what it can: microphone and camera, else the microphone alone, else nothing (with the reason). */
export async function openLocalMedia(choice: DeviceChoice, wantsVideo: boolean): Promise<LocalMedia> {
  if (!navigator.mediaDevices?.getUserMedia) {
    return { audio: null, video: null, problem: `Calls need a secure page (https, or localhost): this browser offers no camera or microphone here. ${LISTEN_ONLY}` };
  }
  const attempts: MediaStreamConstraints[] = [
    ...(wantsVideo ? [{ audio: constraint(choice.microphoneId), video: constraint(choice.cameraId) }] : []),
    { audio: constraint(choice.microphoneId) },
  ];
  let firstError: unknown = null;
  for (const constraints of attempts) {
    try {
      const stream = await navigator.mediaDevices.getUserMedia(constraints);
      const video = stream.getVideoTracks()[0] ?? null;
      return {
        audio: stream.getAudioTracks()[0] ?? null,
        video,
        problem: wantsVideo && !video && firstError ? `No camera: you will join with audio only. (${describeMediaError(firstError).split('.')[0]}.)` : null,
      };
    } catch (error) {
      firstError ??= error;
      // A refusal covers both devices: asking again for the microphone alone would only be refused again.
      if (error instanceof DOMException && error.name === 'NotAllowedError') break;
    }
  }
  return { audio: null, video: null, problem: describeMediaError(firstError) };
}

/** Opens the camera alone (turning it back on, or another camera chosen). */
export async function openCamera(cameraId: string | null): Promise<MediaStreamTrack> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: constraint(cameraId) });
  return stream.getVideoTracks()[0]!;
}

/** Opens the microphone alone (another one chosen). */
export async function openMicrophone(microphoneId: string | null): Promise<MediaStreamTrack> {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: constraint(microphoneId) });
  return stream.getAudioTracks()[0]!;
}

export interface DeviceLists {
  microphones: MediaDeviceInfo[];
  cameras: MediaDeviceInfo[];
  /** Empty where the browser cannot choose where sound plays (no setSinkId). */
  speakers: MediaDeviceInfo[];
}

export const canChooseSpeaker = (): boolean => typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;

export async function listDevices(): Promise<DeviceLists> {
  const devices = navigator.mediaDevices?.enumerateDevices ? await navigator.mediaDevices.enumerateDevices() : [];
  // Without permission, labels are empty and ids blank: nothing worth listing.
  const usable = devices.filter((device) => device.deviceId !== '');
  return {
    microphones: usable.filter((device) => device.kind === 'audioinput'),
    cameras: usable.filter((device) => device.kind === 'videoinput'),
    speakers: canChooseSpeaker() ? usable.filter((device) => device.kind === 'audiooutput') : [],
  };
}
