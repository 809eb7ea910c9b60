export function Form({ error }: { error?: string }) {
  return (
    <form>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}
