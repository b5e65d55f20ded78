/** A refusal or failure, read out as an alert; nothing when there is none. */
export function ErrorLine({ error }: { error?: string | null }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {error}
    </p>
  );
}
