import { requireUser } from './authenticated-action';

export default async function HomePage() {
  const user = await requireUser('/');
  return (
    <main className="page">
      <h1>Welcome, {user.name}</h1>
      <p className="lede">Practise the Staff Data Engineer loop with a peer or a coach.</p>
    </main>
  );
}
