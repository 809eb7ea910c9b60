'use client';
import { useState } from 'react';

export default function Contact() {
  const [open, setOpen] = useState(true);
  return (
    <form>
      <label htmlFor="email">Email</label>
      <input id="email" type="email" name="email" />
      <input type="hidden" name="source" value="contact" />
      <label>
        Message
        <textarea name="message" />
      </label>
      <input name="phone" placeholder="Phone" />
      {open && (
        <div role="alert" onClick={() => setOpen(false)}>
          Thanks, we will reply within a day.
        </div>
      )}
      <button type="submit">Send</button>
    </form>
  );
}
