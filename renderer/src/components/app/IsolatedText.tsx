import { Fragment } from 'react';

/** An isolated run (FSI … PDI) of a catalog text: a Latin name, a file name, a code such as «-DOCSTART-». */
const ISOLATED_RUN = /\u2068([^\u2068\u2069]*)\u2069/g;

/**
 * A catalog text whose isolated runs become `<bdi dir="ltr">` elements: the run keeps its own
 * order inside a Persian line even where the isolate characters alone are not honoured (a
 * leading hyphen of «-DOCSTART-», a run that starts with a digit or a neutral), and each run
 * is a node the layout tests can find.
 */
export function IsolatedText({ text }: { text: string }) {
  const parts: Array<{ isolated: boolean; text: string }> = [];
  let last = 0;
  for (const match of text.matchAll(ISOLATED_RUN)) {
    const at = match.index;
    if (at > last) parts.push({ isolated: false, text: text.slice(last, at) });
    parts.push({ isolated: true, text: match[1] });
    last = at + match[0].length;
  }
  if (last < text.length) parts.push({ isolated: false, text: text.slice(last) });
  return (
    <>
      {parts.map((part, index) =>
        part.isolated ? (
          <bdi key={index} dir="ltr">
            {part.text}
          </bdi>
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
