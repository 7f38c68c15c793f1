/// The console's built-in templates, by name, and its style sheet. Kept in the source, like
/// the answer pages', so that the executable needs nothing installed beside it.
enum ConsoleTemplates {
    static let style = """
        :root { color: #1a1a1a; background: #ffffff; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5; }
        body { margin: 0; }
        .bar { background: #0b3d66; color: #ffffff; padding: 0.5rem 1rem; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; }
        .bar a, .bar button.link { color: #ffffff; }
        .bar .initiative { font-weight: 700; margin: 0; }
        .bar nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
        .bar .who { margin: 0 0 0 auto; display: flex; gap: 0.75rem; align-items: center; flex-wrap: wrap; }
        .bar form { margin: 0; }
        main { margin: 0 auto; max-width: 60rem; padding: 1rem; }
        h1 { font-size: 1.5rem; line-height: 1.25; }
        h2 { font-size: 1.2rem; margin-top: 2rem; }
        label { font-weight: 600; display: block; }
        input[type=email], input[type=text], input[type=date], input[type=time], input[type=number], textarea, select { display: block; width: 100%; max-width: 30rem; box-sizing: border-box; font: inherit; padding: 0.5rem; border: 1px solid #595959; border-radius: 4px; margin: 0.25rem 0 1rem; }
        button { font: inherit; font-weight: 600; color: #ffffff; background: #0b5394; border: 2px solid #0b5394; border-radius: 4px; padding: 0.6rem 1.2rem; min-height: 2.75rem; cursor: pointer; }
        button.link { background: none; border: none; padding: 0; min-height: 0; text-decoration: underline; font-weight: normal; }
        a { color: #0b5394; }
        a:focus, button:focus, input:focus, textarea:focus, select:focus { outline: 3px solid #f2a900; outline-offset: 2px; }
        .notice { border: 2px solid #0b5394; padding: 0.5rem 1rem; border-radius: 4px; }
        .problem { border: 2px solid #a30000; color: #a30000; padding: 0.5rem 1rem; border-radius: 4px; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: 0.4rem; border-bottom: 1px solid #c4c4c4; vertical-align: top; }
        footer { color: #4a4a4a; font-size: 0.9rem; padding: 1rem; text-align: center; }
        @media print { .bar nav, .bar form, footer { display: none; } .bar { background: none; color: #000000; } .bar a { color: #000000; } }
        """

    static let templates: [String: String] = [
        "layout": """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex, nofollow">
        <title>{{title}} · {{initiative}}</title>
        <style>{{{style}}}</style>
        </head>
        <body>
        <header class="bar">
        <p class="initiative">{{initiative}}</p>
        {{#signedIn}}
        <nav aria-label="Console"><ul>{{#navigation}}<li><a href="{{path}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>{{/navigation}}</ul></nav>
        <div class="who"><span>Signed in as {{personName}}</span>
        <form method="post" action="/console/sign-out">{{{csrfField}}}<button type="submit" class="link">Sign out</button></form></div>
        {{/signedIn}}
        </header>
        <main>
        {{{content}}}
        </main>
        <footer>Rhythm console for the backbone team of {{initiative}}</footer>
        </body>
        </html>

        """,
        "sign-in": """
        <h1>Sign in to the console</h1>
        {{#problem}}<p class="problem" role="alert">{{problem}}</p>{{/problem}}
        <p>Enter your e-mail address. If it may sign in, a link that signs you in is sent to it; the link works once, for 15 minutes.</p>
        <form method="post" action="/console/sign-in">
        <label for="email">E-mail address</label>
        <input type="email" id="email" name="email" autocomplete="email" required>
        <button type="submit">Send me a sign-in link</button>
        </form>

        """,
        "sign-in-sent": """
        <h1>Check your e-mail</h1>
        <p class="notice" role="status">If that address may sign in, a link is on its way. It works once, for 15 minutes.</p>
        <p>Nothing arrived? Check the spam folder, then <a href="/console/sign-in">ask again</a>, or ask the backbone team to run <code>rhythm console link</code> for you.</p>

        """,
        "sign-in-link": """
        <h1>Sign in</h1>
        <p>This link signs you in to the console of {{initiative}}. It works once.</p>
        <form method="post" action="/console/s/{{token}}">
        <button type="submit">Sign in</button>
        </form>

        """,
        "link-does-not-work": """
        <h1>This link does not work</h1>
        <p>A sign-in link works once, for 15 minutes. <a href="/console/sign-in">Ask for a new one</a>.</p>

        """,
        "refused": """
        <h1>{{heading}}</h1>
        <p class="problem" role="alert">{{message}}</p>
        <p><a href="{{retryPath}}">{{retryText}}</a></p>

        """,
        "home": """
        <h1>The rhythm of {{initiative}} at a glance</h1>
        <p>As of {{asOf}} ({{zone}}). Open a meeting for its changes, agenda and minutes, or see all <a href="/console/meetings">meetings</a> and the <a href="/console/decisions">decisions</a>.</p>

        """,
        "too-many": """
        <h1>Too many requests</h1>
        <p class="problem" role="alert">Please wait {{seconds}} seconds, then try again.</p>

        """,
    ]
}
