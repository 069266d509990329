import { describe, expect, it } from 'vitest';
import { safeExternalUrl } from './external-url';

describe('safeExternalUrl (issue 10, finding 10)', () => {
  it.each([
    'javascript:alert(document.cookie)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com/x',
    'https://user:pass@example.com/',
    '//example.com/x',
    '/relative',
    '',
    42,
    null,
  ])('refuses %s', (raw) => expect(safeExternalUrl(raw)).toBeNull());

  it('keeps http(s) URLs', () => {
    expect(safeExternalUrl('https://mastodon.social/@brand/1')).toBe('https://mastodon.social/@brand/1');
    expect(safeExternalUrl('http://127.0.0.1:4010/p/1')).toBe('http://127.0.0.1:4010/p/1');
  });

  it("keeps only the network's own hosts when they are given", () => {
    const hosts = ['instagram.com'];
    expect(safeExternalUrl('https://www.instagram.com/p/abc', hosts)).toBe('https://www.instagram.com/p/abc');
    expect(safeExternalUrl('https://instagram.com/p/abc', hosts)).toBe('https://instagram.com/p/abc');
    expect(safeExternalUrl('https://evil-instagram.com/p/abc', hosts)).toBeNull();
    expect(safeExternalUrl('https://instagram.com.evil.example/p', hosts)).toBeNull();
  });
});
