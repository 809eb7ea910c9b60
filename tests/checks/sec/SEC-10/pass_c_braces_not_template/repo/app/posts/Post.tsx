import DOMPurify from 'isomorphic-dompurify';

export function Post({ html, title }: { html: string; title: string }) {
  const clean = DOMPurify.sanitize(html);
  return (
    <article>
      <h1>{title}</h1>
      <div dangerouslySetInnerHTML={{ __html: clean }} />
      <p dangerouslySetInnerHTML={{ __html: '<em>static</em>' }} />
    </article>
  );
}
