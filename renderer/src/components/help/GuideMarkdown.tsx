import { Lexer, type Token, type Tokens } from 'marked';
import type { ReactNode } from 'react';

/**
 * Markdown drawn as React elements from marked's tokens: the guide is never set as HTML, so
 * nothing in a doc can become markup or script. Links are shown as their text (the guide works
 * offline and the window opens nothing outside the app).
 */
export function GuideMarkdown({ markdown }: { markdown: string }) {
  return <>{blocks(Lexer.lex(markdown))}</>;
}

function inline(tokens: readonly Token[] | undefined): ReactNode[] {
  return (tokens ?? []).map((token, index) => {
    switch (token.type) {
      case 'strong':
        return <strong key={index}>{inline((token as Tokens.Strong).tokens)}</strong>;
      case 'em':
        return <em key={index}>{inline((token as Tokens.Em).tokens)}</em>;
      case 'codespan':
        return (
          <code key={index} dir="ltr">
            {(token as Tokens.Codespan).text}
          </code>
        );
      case 'link':
        return (
          <span key={index} className="guide-link" title={(token as Tokens.Link).href}>
            {inline((token as Tokens.Link).tokens)}
          </span>
        );
      case 'br':
        return <br key={index} />;
      case 'text': {
        const text = token as Tokens.Text;
        return text.tokens ? <span key={index}>{inline(text.tokens)}</span> : decode(text.text);
      }
      default:
        return 'text' in token && typeof token.text === 'string' ? decode(token.text) : token.raw;
    }
  });
}

/** marked escapes & < > " ' in text tokens for HTML; React escapes by itself. */
function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_match, entity: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[entity] ?? _match);
}

function table(token: Tokens.Table, key: number): ReactNode {
  return (
    <table key={key} className="guide-table">
      <thead>
        <tr>
          {token.header.map((cell, index) => (
            <th key={index}>{inline(cell.tokens)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {token.rows.map((row, rowIndex) => (
          <tr key={rowIndex}>
            {row.map((cell, index) => (
              <td key={index}>{inline(cell.tokens)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function blocks(tokens: readonly Token[]): ReactNode[] {
  return tokens.map((token, index) => {
    switch (token.type) {
      case 'heading': {
        // Chapter titles are h3 in the guide: a section's ## and ### come below them.
        const depth = Math.min(6, (token as Tokens.Heading).depth + 2);
        const Heading = `h${depth}` as 'h4';
        return <Heading key={index}>{inline((token as Tokens.Heading).tokens)}</Heading>;
      }
      case 'paragraph':
        return <p key={index}>{inline((token as Tokens.Paragraph).tokens)}</p>;
      case 'list': {
        const list = token as Tokens.List;
        const items = list.items.map((item, itemIndex) => <li key={itemIndex}>{blocks(item.tokens)}</li>);
        return list.ordered ? <ol key={index}>{items}</ol> : <ul key={index}>{items}</ul>;
      }
      case 'code':
        return (
          <pre key={index} dir="ltr">
            <code>{(token as Tokens.Code).text}</code>
          </pre>
        );
      case 'blockquote':
        return <blockquote key={index}>{blocks((token as Tokens.Blockquote).tokens)}</blockquote>;
      case 'table':
        return table(token as Tokens.Table, index);
      case 'hr':
        return <hr key={index} />;
      case 'space':
      case 'html':
        // Comments and HTML in the docs are notes for their editors, not for the reader.
        return null;
      case 'text': {
        const text = token as Tokens.Text;
        return <span key={index}>{text.tokens ? inline(text.tokens) : decode(text.text)}</span>;
      }
      default:
        return <p key={index}>{token.raw}</p>;
    }
  });
}
