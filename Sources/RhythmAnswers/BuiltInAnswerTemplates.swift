/// The answer pages' built-in templates, by name; `templates/answers/<name>.mustache` beside
/// the configuration overrides any of them (see ``AnswerPages``). Kept in the source rather
/// than in a resource bundle, so that the executable needs nothing installed beside it.
enum BuiltInAnswerTemplates {
    static let style = """
        :root { color: #1a1a1a; background: #ffffff; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5; }
        body { margin: 0 auto; max-width: 42rem; padding: 1rem; }
        h1 { font-size: 1.5rem; line-height: 1.25; }
        h2 { font-size: 1.2rem; margin-top: 2rem; }
        .initiative, footer { color: #4a4a4a; font-size: 0.9rem; }
        fieldset { border: 1px solid #6b6b6b; border-radius: 4px; margin: 1rem 0; padding: 0.5rem 1rem; }
        legend { font-weight: 600; padding: 0 0.25rem; }
        label { font-weight: 600; }
        fieldset label { font-weight: normal; }
        input[type=text], input[type=date], input[type=number], textarea, select { display: block; width: 100%; box-sizing: border-box; font: inherit; padding: 0.5rem; border: 1px solid #595959; border-radius: 4px; margin-top: 0.25rem; }
        input[type=radio] { width: 1.25rem; height: 1.25rem; vertical-align: middle; }
        button { font: inherit; font-weight: 600; color: #ffffff; background: #0b5394; border: 2px solid #0b5394; border-radius: 4px; padding: 0.6rem 1.2rem; min-height: 2.75rem; cursor: pointer; }
        button.secondary { color: #0b5394; background: #ffffff; }
        a { color: #0b5394; }
        a:focus, button:focus, input:focus, textarea:focus, select:focus { outline: 3px solid #1a1a1a; outline-offset: 2px; }
        .problems { border: 2px solid #a30000; color: #a30000; padding: 0.5rem 1rem; border-radius: 4px; }
        .done { border: 2px solid #1e6b2e; padding: 0.5rem 1rem; border-radius: 4px; }
        .meeting, .facts { background: #f2f2f2; padding: 0.75rem 1rem; border-radius: 4px; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: 0.4rem; border-bottom: 1px solid #c4c4c4; vertical-align: top; }
        code { word-break: break-all; }
        .nowrap { white-space: nowrap; }
        """

    static let templates: [String: String] = [
        "answer-head.html": """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex, nofollow">
        <title>{{title}}</title>
        <style>{{{style}}}</style>
        </head>
        <body>
        <header><p class="initiative">{{initiative}}</p></header>
        <main>

        """,
        "answer-foot.html": """
        </main>
        <footer>{{#personName}}<p>This page acts for {{personName}} only: please do not forward its link.</p>{{/personName}}</footer>
        </body>
        </html>

        """,
        "answer-problems.html": """
        {{#hasProblems}}<div class="problems" role="alert"><p>Please check your answer:</p><ul>{{#problems}}<li>{{.}}</li>{{/problems}}</ul></div>{{/hasProblems}}

        """,
        "attendance.html": """
        {{> answer-head.html}}
        <h1>{{title}}</h1>
        <p class="meeting">{{meeting}}<br>{{when}}{{#place}}<br>{{place}}{{/place}}</p>
        {{#current}}<p>Your answer so far: {{current}}.</p>{{/current}}
        {{> answer-problems.html}}
        <form method="post" action="{{formAction}}">
        <input type="hidden" name="nonce" value="{{nonce}}">
        {{#fields}}<input type="hidden" name="{{name}}" value="{{value}}">{{/fields}}
        <fieldset>
        <legend>Your answer</legend>
        <p><input type="radio" id="answer-attending" name="answer" value="attending"{{#attending}} checked{{/attending}}> <label for="answer-attending">I'll be there</label></p>
        <p><input type="radio" id="answer-apologies" name="answer" value="apologies"{{#apologies}} checked{{/apologies}}> <label for="answer-apologies">Send apologies</label></p>
        </fieldset>
        <p><label for="note">Note (optional)</label><textarea id="note" name="note" rows="3" maxlength="1000">{{note}}</textarea></p>
        {{#hasColleagues}}<p><label for="delegate">A colleague who comes instead (optional, with apologies)</label>
        <select id="delegate" name="delegate"><option value="">Nobody</option>{{#colleagues}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/colleagues}}</select></p>{{/hasColleagues}}
        <p><button type="submit">Send my answer</button></p>
        </form>
        {{> answer-foot.html}}
        """,
        "agenda-item.html": """
        {{> answer-head.html}}
        <h1>{{title}}</h1>
        <p class="meeting">{{meeting}}<br>{{when}}{{#place}}<br>{{place}}{{/place}}</p>
        {{> answer-problems.html}}
        <form method="post" action="{{formAction}}">
        <input type="hidden" name="nonce" value="{{nonce}}">
        <p><label for="item-title">Title of the item</label><input type="text" id="item-title" name="title" maxlength="200" required value="{{itemTitle}}"></p>
        <p><label for="minutes">Minutes it needs (optional)</label><input type="number" id="minutes" name="minutes" min="1" max="480" value="{{minutes}}"></p>
        <p><label for="notes">Notes for the agenda (optional)</label><textarea id="notes" name="notes" rows="4" maxlength="10000">{{notes}}</textarea></p>
        <p><button type="submit">Add to the agenda</button></p>
        </form>
        {{> answer-foot.html}}
        """,
        "action.html": """
        {{> answer-head.html}}
        <h1>{{title}}</h1>
        <div class="facts"><p><strong>{{actionTitle}}</strong></p><p>Status: {{status}}{{#due}}; due {{due}}{{/due}}</p>{{#details}}<p>{{details}}</p>{{/details}}</div>
        {{> answer-problems.html}}
        <form method="post" action="{{formAction}}">
        <input type="hidden" name="nonce" value="{{nonce}}">
        {{#fields}}<input type="hidden" name="{{name}}" value="{{value}}">{{/fields}}
        {{#changeDue}}<p><label for="due">New due date</label><input type="date" id="due" name="due" required value="{{newDue}}"></p>{{/changeDue}}
        {{^changeDue}}<fieldset>
        <legend>Where does it stand?</legend>
        <p><input type="radio" id="status-done" name="status" value="done"{{#done}} checked{{/done}}> <label for="status-done">Done</label></p>
        <p><input type="radio" id="status-in-progress" name="status" value="in-progress"{{#inProgress}} checked{{/inProgress}}> <label for="status-in-progress">In progress</label></p>
        <p><input type="radio" id="status-blocked" name="status" value="blocked"{{#blocked}} checked{{/blocked}}> <label for="status-blocked">Blocked</label></p>
        </fieldset>{{/changeDue}}
        <p><label for="note">Note (optional; added to the action's details)</label><textarea id="note" name="note" rows="3" maxlength="1000">{{note}}</textarea></p>
        <p><button type="submit">{{#changeDue}}Change the due date{{/changeDue}}{{^changeDue}}Update the action{{/changeDue}}</button></p>
        </form>
        {{> answer-foot.html}}
        """,
        "indicator.html": """
        {{> answer-head.html}}
        <h1>{{title}}</h1>
        <div class="facts"><p>Unit: {{unit}}{{#target}}; target {{target}}{{/target}}</p>
        {{#hasLastValues}}<p>Last values:</p><ul>{{#lastValues}}<li>{{period}}: {{value}}</li>{{/lastValues}}</ul>{{/hasLastValues}}
        {{#current}}<p>Already recorded for {{period}}: {{current}}. Sending a value replaces it.</p>{{/current}}</div>
        {{> answer-problems.html}}
        <form method="post" action="{{formAction}}">
        <input type="hidden" name="nonce" value="{{nonce}}">
        {{#fields}}<input type="hidden" name="{{name}}" value="{{value}}">{{/fields}}
        <p><label for="value">Value for {{period}} ({{unit}})</label><input type="text" id="value" name="value" inputmode="decimal" required value="{{value}}"></p>
        <p><label for="note">Note (optional)</label><textarea id="note" name="note" rows="3" maxlength="1000">{{note}}</textarea></p>
        <p><button type="submit">Record the value</button></p>
        </form>
        {{> answer-foot.html}}
        """,
        "opt-out.html": """
        {{> answer-head.html}}
        <h1>{{title}}</h1>
        <p>{{explanation}}</p>
        {{#alreadyOff}}<p>These reminders are already stopped for you.</p>{{/alreadyOff}}
        <form method="post" action="{{formAction}}">
        <input type="hidden" name="nonce" value="{{nonce}}">
        <p><button type="submit">Stop these reminders</button></p>
        </form>
        <p>You can resume them at any time from your page.</p>
        {{> answer-foot.html}}
        """,
        "result.html": """
        {{> answer-head.html}}
        <h1>{{title}}</h1>
        <div class="done" role="status"><p>{{summary}}</p></div>
        {{#canUndo}}<form method="post" action="{{undoAction}}">
        <input type="hidden" name="nonce" value="{{nonce}}">
        <input type="hidden" name="undo" value="{{undo}}">
        <p><button type="submit" class="secondary">Undo</button> (possible until {{undoUntil}})</p>
        </form>{{/canUndo}}
        {{#backLink}}<p><a href="{{backLink}}">Back to your page</a></p>{{/backLink}}
        {{> answer-foot.html}}
        """,
        "notice.html": """
        {{> answer-head.html}}
        <h1>{{title}}</h1>
        <p>{{message}}</p>
        {{#backLink}}<p><a href="{{backLink}}">{{backText}}</a></p>{{/backLink}}
        {{> answer-foot.html}}
        """,
        "not-found.html": """
        {{> answer-head.html}}
        <h1>{{title}}</h1>
        <p>The link may be mistyped, cut short by your mail program, expired or withdrawn.</p>
        <p>To get a fresh link, use the one in the next message Rhythm sends you, or ask the backbone team of {{initiative}}.</p>
        {{> answer-foot.html}}
        """,
        "personal-page.html": """
        {{> answer-head.html}}
        <h1>{{title}}</h1>
        <nav aria-label="On this page"><ul><li><a href="#meetings">Meetings</a></li><li><a href="#actions">Actions</a></li><li><a href="#indicators">Indicator values</a></li><li><a href="#agenda-items">Agenda items</a></li><li><a href="#calendar">Calendar</a></li><li><a href="#reminders">Reminders</a></li></ul></nav>
        {{> answer-problems.html}}
        <h2 id="meetings">Your meetings in the next {{weeks}} weeks</h2>
        {{^meetings}}<p>No meetings.</p>{{/meetings}}
        {{#hasMeetings}}<p>The next {{perSeries}} meetings of each series are shown; later ones appear here as they come closer.</p>{{/hasMeetings}}
        {{#meetings}}<form method="post" action="{{formAction}}/attendance">
        <input type="hidden" name="nonce" value="{{nonce}}">
        <input type="hidden" name="series" value="{{series}}">
        <input type="hidden" name="date" value="{{date}}">
        <fieldset>
        <legend>{{meeting}}, {{when}}{{#place}}, {{place}}{{/place}} — {{answer}}</legend>
        <p><input type="radio" id="attending-{{key}}" name="answer" value="attending"{{#attending}} checked{{/attending}}> <label for="attending-{{key}}">I'll be there</label></p>
        <p><input type="radio" id="apologies-{{key}}" name="answer" value="apologies"{{#apologies}} checked{{/apologies}}> <label for="apologies-{{key}}">Send apologies</label></p>
        <p><label for="note-{{key}}">Note (optional)</label><input type="text" id="note-{{key}}" name="note" maxlength="1000" value="{{note}}"></p>
        {{#hasColleagues}}<p><label for="delegate-{{key}}">A colleague who comes instead (optional, with apologies)</label>
        <select id="delegate-{{key}}" name="delegate"><option value="">Nobody</option>{{#colleagues}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/colleagues}}</select></p>{{/hasColleagues}}
        <p><button type="submit">Save my answer for <span class="nowrap">{{date}}</span></button></p>
        </fieldset>
        </form>{{/meetings}}
        <h2 id="actions">Your open actions</h2>
        {{^actions}}<p>No open actions.</p>{{/actions}}
        {{#actions}}<form method="post" action="{{formAction}}/action">
        <input type="hidden" name="nonce" value="{{nonce}}">
        <input type="hidden" name="action" value="{{id}}">
        <fieldset>
        <legend>{{title}} ({{status}}{{#due}}, due {{due}}{{/due}})</legend>
        <p><label for="status-{{id}}">Status</label><select id="status-{{id}}" name="status">{{#statuses}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/statuses}}</select></p>
        <p><label for="due-{{id}}">Due date</label><input type="date" id="due-{{id}}" name="due" value="{{due}}"></p>
        <p><label for="note-action-{{id}}">Note (optional; added to the details)</label><input type="text" id="note-action-{{id}}" name="note" maxlength="1000"></p>
        <p><button type="submit">Update action {{id}}</button></p>
        </fieldset>
        </form>{{/actions}}
        <h2 id="indicators">Indicator values you owe</h2>
        {{^indicators}}<p>Nothing owed.</p>{{/indicators}}
        {{#indicators}}<form method="post" action="{{formAction}}/indicator">
        <input type="hidden" name="nonce" value="{{nonce}}">
        <input type="hidden" name="indicator" value="{{id}}">
        <input type="hidden" name="period" value="{{period}}">
        <fieldset>
        <legend>{{name}}, {{period}} (for the review on {{review}})</legend>
        <p>Unit: {{unit}}{{#target}}; target {{target}}{{/target}}{{#last}}; last value {{last}}{{/last}}</p>
        <p><label for="value-{{id}}-{{period}}">Value for {{period}} ({{unit}})</label><input type="text" id="value-{{id}}-{{period}}" name="value" inputmode="decimal" required></p>
        <p><button type="submit">Record {{name}} for {{period}}</button></p>
        </fieldset>
        </form>{{/indicators}}
        <h2 id="agenda-items">Agenda items you submitted</h2>
        {{^agendaItems}}<p>None.</p>{{/agendaItems}}
        {{#hasAgendaItems}}<ul>{{#agendaItems}}<li>{{title}}: {{meeting}}, {{date}}</li>{{/agendaItems}}</ul>{{/hasAgendaItems}}
        <h2 id="calendar">Your calendar</h2>
        <p>Your meetings can appear in your own calendar and follow every change. The link is private: it shows your meetings to whoever has it.</p>
        {{#feed}}<p>Subscribe with one click: <a href="{{webcal}}">add to my calendar</a>.</p>
        <p><label for="feed-url">Calendar address</label><input type="text" id="feed-url" readonly value="{{https}}"></p>
        <ul><li>Outlook: Add calendar, Subscribe from web, paste the address.</li><li>Google Calendar: Other calendars, +, From URL, paste the address.</li><li>Apple Calendar: File, New Calendar Subscription, paste the address.</li></ul>
        <p>Showing a new link stops the one shown before.</p>{{/feed}}
        <form method="post" action="{{formAction}}/calendar">
        <input type="hidden" name="nonce" value="{{nonce}}">
        <p><button type="submit">Show my calendar link</button></p>
        </form>
        <h2 id="reminders">Reminders you stopped</h2>
        {{^optOuts}}<p>None: you get every reminder meant for you.</p>{{/optOuts}}
        {{#optOuts}}<form method="post" action="{{formAction}}/resume">
        <input type="hidden" name="nonce" value="{{nonce}}">
        <input type="hidden" name="rule" value="{{rule}}">
        <p>{{name}} <button type="submit">Resume {{name}}</button></p>
        </form>{{/optOuts}}
        {{> answer-foot.html}}
        """,
    ]
}
