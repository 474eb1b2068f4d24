export function AuthCard({
  title,
  aside,
  children,
}: {
  title: string;
  aside: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-between">
          <p className="text-2xl font-semibold tracking-wide text-teal-800">
            会通 <span className="text-base font-normal text-stone-500">Huitong</span>
          </p>
          {aside}
        </div>
        <section className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
          <h1 className="mb-5 text-lg font-semibold">{title}</h1>
          {children}
        </section>
      </div>
    </main>
  );
}
