import { Form } from "./Form";
export default function Page() { return <Form />; }
