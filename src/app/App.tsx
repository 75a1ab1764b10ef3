/** Placeholder shell: the lab's layout, controls and panels will live here. */
export function App() {
  return (
    <>
      <header>
        <h1>SSM Lab</h1>
        <p>
          Interactive lab for State Space Models: HiPPO, discretisation, S4 and RTF, computed live.
        </p>
      </header>
      <main data-testid="lab-root" />
    </>
  );
}
