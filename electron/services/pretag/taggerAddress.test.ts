import { describe, expect, it } from 'vitest';
import { checkTaggerDestination, classifyTaggerUrl, needsConfirmation } from './taggerAddress';

const kindOf = (url: string) => {
  const classified = classifyTaggerUrl(url);
  return classified.ok ? classified.kind : 'invalid';
};

describe('classifyTaggerUrl', () => {
  it('takes this computer as loopback', () => {
    for (const url of ['http://127.0.0.1:8000/tag', 'http://127.8.9.10/', 'http://localhost:5000', 'http://[::1]:9000/x', 'http://LOCALHOST/', 'http://[::ffff:127.0.0.1]/']) expect(kindOf(url), url).toBe('loopback');
  });

  it('takes private and link-local addresses as the LAN', () => {
    for (const url of ['http://10.1.2.3/', 'http://172.16.0.1/', 'http://172.31.255.255/', 'https://192.168.1.20:8443/ner', 'http://169.254.1.1/', 'http://[fd12:3456::1]/', 'http://[fe80::1]/']) {
      expect(kindOf(url), url).toBe('lan');
    }
  });

  it('takes everything else as remote, host names included, which needs confirmation', () => {
    for (const url of ['http://172.32.0.1/', 'http://8.8.8.8/', 'https://tagger.example.org/ner', 'http://192.169.0.1/', 'http://[2001:db8::1]/', 'http://tagger.lan/']) expect(kindOf(url), url).toBe('remote');
    expect(needsConfirmation('remote')).toBe(true);
    expect(needsConfirmation('lan')).toBe(false);
    expect(needsConfirmation('loopback')).toBe(false);
  });

  it('refuses what is not an http(s) URL', () => {
    for (const url of ['ftp://127.0.0.1/', 'file:///etc/passwd', 'localhost:8000', 'not a url', '']) expect(kindOf(url), url).toBe('invalid');
  });
});

describe('checkTaggerDestination', () => {
  it('lets local addresses through, and a remote one only once confirmed', () => {
    expect(checkTaggerDestination('http://127.0.0.1:8000/tag', () => false)).toBe('http://127.0.0.1:8000/tag');
    expect(() => checkTaggerDestination('https://tagger.example.org/ner', () => false)).toThrow(expect.objectContaining({ userProblem: { code: 'taggerNeedsConfirmation', url: 'https://tagger.example.org/ner' } }));
    expect(checkTaggerDestination('https://tagger.example.org/ner', (href) => href === 'https://tagger.example.org/ner')).toBe('https://tagger.example.org/ner');
    expect(() => checkTaggerDestination('file:///etc/passwd', () => true)).toThrow(expect.objectContaining({ userProblem: { code: 'taggerBadUrl', url: 'file:///etc/passwd' } }));
  });
});
