import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/get-current-user';

export default async function HomePage() {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in');
  return (
    <main className="page">
      <h1>Welcome, {user.name}</h1>
      <p className="lede">Practise the Staff Data Engineer loop with a peer or a coach.</p>
    </main>
  );
}
