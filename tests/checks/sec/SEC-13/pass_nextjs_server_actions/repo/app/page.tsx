import { renameList } from './actions';

export default function Page() {
  return (
    <form action={renameList}>
      <input name="name" />
    </form>
  );
}
