import type { ComponentChildren } from 'preact';
import type { ArticleSummary, Block, BodyDoc, Inline } from '../../content/index.js';

/**
 * Renders the structured body. Every string goes through Preact's escaping;
 * the body never becomes HTML by any other path.
 *
 * `related` maps the ids of inline related blocks to the articles readers may
 * see; a block whose target is missing or unpublished renders nothing.
 */
export function Body(props: { doc: BodyDoc; related: Map<number, ArticleSummary> }) {
  return (
    <div class="article-body">
      {props.doc.content.map((block, i) => renderBlock(block, i, props.related))}
    </div>
  );
}

function renderBlock(block: Block, key: number, related: Map<number, ArticleSummary>) {
  switch (block.type) {
    case 'paragraph':
      return <p key={key}>{renderInlines(block.content)}</p>;
    case 'heading':
      return block.attrs.level === 2 ? (
        <h2 key={key}>{renderInlines(block.content)}</h2>
      ) : (
        <h3 key={key}>{renderInlines(block.content)}</h3>
      );
    case 'blockquote':
      return (
        <blockquote key={key}>
          {block.content.map((p, i) => (
            <p key={i}>{renderInlines(p.content)}</p>
          ))}
        </blockquote>
      );
    case 'bulletList':
    case 'orderedList': {
      const List = block.type === 'bulletList' ? 'ul' : 'ol';
      return (
        <List key={key}>
          {block.content.map((item, i) => (
            <li key={i}>
              {item.content.map((p, j) => (
                <p key={j}>{renderInlines(p.content)}</p>
              ))}
            </li>
          ))}
        </List>
      );
    }
    case 'image':
      return (
        <figure key={key} class="figure">
          <img src={block.attrs.src} alt={block.attrs.alt} loading="lazy" decoding="async" />
          {block.attrs.caption || block.attrs.credit ? (
            <figcaption>
              {block.attrs.caption}
              {block.attrs.credit ? <span class="figure__credit"> {block.attrs.credit}</span> : null}
            </figcaption>
          ) : null}
        </figure>
      );
    case 'relatedArticle': {
      const target = related.get(block.attrs.articleId);
      if (!target) return null;
      return (
        <aside key={key} class="inline-related" aria-label={`Read also: ${target.title}`}>
          <a href={target.path}>
            <span class="inline-related__label">Read also</span>
            <span class="inline-related__title">{target.title}</span>
          </a>
        </aside>
      );
    }
  }
}

function renderInlines(content: Inline[] | undefined): ComponentChildren {
  return (content ?? []).map((node, i) => {
    if (node.type === 'hardBreak') return <br key={i} />;
    let out: ComponentChildren = node.text;
    for (const mark of node.marks ?? []) {
      if (mark.type === 'bold') out = <strong>{out}</strong>;
      else if (mark.type === 'italic') out = <em>{out}</em>;
      else
        out = (
          <a href={mark.attrs.href} rel={isExternal(mark.attrs.href) ? 'noopener' : undefined}>
            {out}
          </a>
        );
    }
    return out;
  });
}

function isExternal(href: string): boolean {
  return /^https?:/.test(href);
}
