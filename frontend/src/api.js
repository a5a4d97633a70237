// REST client. Writes carry the per-server token from the page's meta tag (same-origin only).
const token = document.querySelector('meta[name="wirecoder-token"]')?.content || "";

export async function get(path, params) {
  const qs = params ? "?" + params.toString() : "";
  const r = await fetch(path + qs, { headers: { Accept: "application/json" } });
  if (!r.ok) throw new Error(`${r.status} ${(await r.json().catch(() => ({}))).detail || r.statusText}`);
  return r.json();
}

export async function post(path, body) {
  const r = await fetch(path, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", "X-Wirecoder-Token": token },
    body: JSON.stringify(body),
  });
  const data = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(`${r.status} ${data.detail ? JSON.stringify(data.detail) : r.statusText}`);
  return data;
}
