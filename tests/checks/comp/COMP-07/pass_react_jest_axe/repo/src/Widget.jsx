export function Widget({ onPick }) {
  return (
    <button type="button" onClick={onPick}>
      Pick a date
    </button>
  );
}
