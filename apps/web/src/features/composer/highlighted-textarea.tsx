// A textarea over a mirror of its own text in which charter problems are marked: the mirror sets
// the height (the textarea grows with it, so neither scrolls) and shows through the transparent
// textarea. The marks carry their messages; the checks list below gives them to keyboard users.
import { forwardRef } from 'react';
import { markSegments, type TextMark, worstSeverity } from './mark-segments';

interface HighlightedTextareaProps {
  id: string;
  value: string;
  marks: readonly TextMark[];
  onChange: (value: string) => void;
  describedBy?: string | undefined;
  placeholder?: string | undefined;
  readOnly?: boolean | undefined;
}

export const HighlightedTextarea = forwardRef<HTMLTextAreaElement, HighlightedTextareaProps>(
  function HighlightedTextarea({ id, value, marks, onChange, describedBy, placeholder, readOnly }, ref) {
    return (
      <div className="hl-editor">
        <div className="hl-mirror" aria-hidden="true" data-testid="highlight-mirror">
          {markSegments(value, marks).map((s) =>
            s.marks.length === 0 ? (
              <span key={s.start}>{s.text}</span>
            ) : (
              <mark
                key={s.start}
                className={`hl-mark hl-${worstSeverity(s.marks)}`}
                title={s.marks.map((m) => m.message).join('\n')}
              >
                {s.text}
              </mark>
            ),
          )}
          {/* A trailing newline needs a character after it to take up its line in the mirror. */}
          {'\u200b'}
        </div>
        <textarea
          ref={ref}
          id={id}
          className="hl-input"
          value={value}
          placeholder={placeholder}
          readOnly={readOnly}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
          spellCheck
        />
      </div>
    );
  },
);
