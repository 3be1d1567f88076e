// The staff sign-in form.
export function LoginPage({ csrf, next, email, error }: { csrf: string; next: string; email?: string; error?: string }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>Sign in — Chancery admin</title>
        <link rel="stylesheet" href="/assets/admin.css" />
      </head>
      <body class="admin login">
        <main id="main" class="login-box">
          <h1>Sign in to the newsroom</h1>
          {error && (
            <p class="error-summary" role="alert">
              {error}
            </p>
          )}
          <form method="post" action="/admin/login">
            <input type="hidden" name="_csrf" value={csrf} />
            <input type="hidden" name="next" value={next} />
            <div class="field">
              <label for="email">Email</label>
              <input id="email" name="email" type="email" autocomplete="username" required value={email ?? ''} />
            </div>
            <div class="field">
              <label for="password">Password</label>
              <input id="password" name="password" type="password" autocomplete="current-password" required />
            </div>
            <button type="submit">Sign in</button>
          </form>
          <p>
            <a href="/">Back to the site</a>
          </p>
        </main>
      </body>
    </html>
  );
}
