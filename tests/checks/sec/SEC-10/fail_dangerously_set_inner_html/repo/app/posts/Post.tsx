type Props = { post: { title: string; body: string } };
export function Post({ post }: Props) {
  return (
    <article>
      <div dangerouslySetInnerHTML={{ __html: post.body }} />
      <h1>{post.title}</h1>
    </article>
  );
}
