// Shown on the sign-in page only in demo mode: the seeded accounts, one per role.
import styles from "./DemoAccounts.module.css";

export function DemoAccounts({ users, password }: { users: { email: string; name: string; role: string }[]; password: string }) {
  return (
    <section className={styles.demo} aria-labelledby="demo-accounts">
      <h2 id="demo-accounts">Demo accounts</h2>
      <p>
        Every demo account uses the password <code>{password}</code>.
      </p>
      <table>
        <tbody>
          {users.map((u) => (
            <tr key={u.email}>
              <td className={styles.role}>{u.role}</td>
              <td>
                <code>{u.email}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
