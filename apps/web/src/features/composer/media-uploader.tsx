// Bringing files into the composer: drop them, paste them, or pick them (several at once); each
// goes to the media library with its own progress bar, and joins the post when it is stored.
import { type ClipboardEvent, type DragEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorText } from '../../ui/use-api-error-text';
import { type LibraryItem, uploadMedia } from '../media/media-queries';

interface Sending {
  key: string;
  name: string;
  progress: number;
  error: unknown;
}

interface MediaUploaderProps {
  workspaceId: string;
  from: 'library' | 'composer';
  onUploaded: (item: LibraryItem) => void;
}

// A person drops a handful of photos; more at once is almost certainly a mistaken folder.
const MAX_FILES_AT_ONCE = 20;

export function MediaUploader({ workspaceId, from, onUploaded }: MediaUploaderProps) {
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const id = useId();
  const [sending, setSending] = useState<Sending[]>([]);
  const [over, setOver] = useState(false);

  const patch = (key: string, change: Partial<Sending>) =>
    setSending((all) => all.map((s) => (s.key === key ? { ...s, ...change } : s)));

  const send = (files: readonly File[]) => {
    for (const file of files.slice(0, MAX_FILES_AT_ONCE)) {
      const key = `${file.name}-${Math.random().toString(36).slice(2)}`;
      setSending((all) => [...all, { key, name: file.name, progress: 0, error: null }]);
      uploadMedia(workspaceId, file, from, (progress) => patch(key, { progress }))
        .then((item) => {
          setSending((all) => all.filter((s) => s.key !== key));
          onUploaded(item);
        })
        .catch((error: unknown) => patch(key, { error }));
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    send([...e.dataTransfer.files]);
  };
  const onPaste = (e: ClipboardEvent) => {
    const files = [...e.clipboardData.files];
    if (files.length === 0) return;
    e.preventDefault();
    send(files);
  };

  return (
    <div className="media-uploader">
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop zone's keyboard path is the file button inside it */}
      <div
        className={`drop-zone${over ? ' drop-zone-over' : ''}`}
        data-testid="media-drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        onPaste={onPaste}
      >
        <p>{t('media.dropHere')}</p>
        <label className="btn btn-small" htmlFor={`${id}-files`}>
          {t('media.chooseFiles')}
        </label>
        <input
          id={`${id}-files`}
          className="visually-hidden"
          type="file"
          multiple
          accept="image/jpeg,image/png,image/webp,image/gif,video/mp4,video/quicktime"
          onChange={(e) => {
            send([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
        <p className="field-hint">{t('media.privacy')}</p>
      </div>
      {sending.length > 0 && (
        <ul className="upload-list">
          {sending.map((s) => (
            <li key={s.key}>
              <span className="upload-name">{s.name}</span>
              {s.error ? (
                <>
                  <span role="alert" className="field-error">
                    {errorText(s.error)}
                  </span>
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => setSending((all) => all.filter((x) => x.key !== s.key))}
                  >
                    {t('common.dismiss')}
                  </button>
                </>
              ) : (
                <progress max={1} value={s.progress} aria-label={t('media.uploading', { name: s.name })} />
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
