'use client';

import type { DeviceLists } from './local-media';

interface DevicePickersProps {
  devices: DeviceLists;
  microphoneId: string | null;
  cameraId: string | null;
  speakerId: string | null;
  onMicrophone: (deviceId: string) => void;
  onCamera: (deviceId: string) => void;
  onSpeaker: (deviceId: string) => void;
}

/** Microphone, camera and (where the browser can route sound) speaker choice. */
export function DevicePickers({ devices, microphoneId, cameraId, speakerId, onMicrophone, onCamera, onSpeaker }: DevicePickersProps) {
  const picker = (label: string, list: MediaDeviceInfo[], value: string | null, onChange: (deviceId: string) => void) =>
    list.length > 0 ? (
      <label className="call-picker">
        <span>{label}</span>
        <select value={value ?? list[0]!.deviceId} onChange={(event) => onChange(event.target.value)}>
          {list.map((device, index) => (
            <option key={device.deviceId} value={device.deviceId}>
              {device.label || `${label} ${index + 1}`}
            </option>
          ))}
        </select>
      </label>
    ) : null;
  return (
    <div className="call-pickers">
      {picker('Microphone', devices.microphones, microphoneId, onMicrophone)}
      {picker('Camera', devices.cameras, cameraId, onCamera)}
      {picker('Speaker', devices.speakers, speakerId, onSpeaker)}
    </div>
  );
}
