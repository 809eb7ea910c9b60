'use client';

import { useEffect, useState } from 'react';

export default function Page() {
  const [items, setItems] = useState([]);
  useEffect(() => {
    fetch('/api/items').then((r) => r.json()).then(setItems);
  }, []);
  return <ul>{items.length}</ul>;
}
