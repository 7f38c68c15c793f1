import ArgumentParser
import Foundation
import RhythmConfig
import RhythmCore
import RhythmStore

/// `rhythm api-token`: the bearer tokens of the JSON API.
struct APITokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api-token",
        abstract: "Create, list and revoke tokens for the JSON API.",
        discussion: """
            A client of the API (a partner portal, a form) presents its token as \
            `Authorization: Bearer rhy_...`. A read token may list and get; a write token \
            may also create and update. A token limited to a partner sees and changes only \
            that partner's records. Rhythm keeps only a hash of the token, so it is shown \
            once, when created.

            Examples:
              rhythm api-token create "Partner portal" --scope write --partner brightwater-council
              rhythm api-token list
              rhythm api-token revoke k7qm2xw9ta
            """,
        subcommands: [APITokenCreateCommand.self, APITokenListCommand.self, APITokenRevokeCommand.self]
    )
}

/// `rhythm api-token create`: a new token, printed once.
struct APITokenCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create an API token and print it, once.",
        discussion: """
            The token goes to standard output, alone on its line, so that it can be piped \
            into a secret store; a note about it goes to standard error.

            Example:
              rhythm api-token create "Referral form" --scope write --partner kinfolk-health
            """
    )

    @OptionGroup var options: RhythmOptions

    @Argument(help: ArgumentHelp("What the token is for, such as \"Partner portal\".", valueName: "name"))
    var name: String

    /// The scopes as typed; `APIScope` itself stays free of argument parsing.
    enum Scope: String, ExpressibleByArgument, CaseIterable {
        case read
        case write

        var scope: APIScope {
            switch self {
            case .read: .read
            case .write: .write
            }
        }
    }

    @Option(help: ArgumentHelp("read or write (which includes read).", valueName: "scope"))
    var scope: Scope

    @Option(help: ArgumentHelp("Limit the token to this partner's records.", valueName: "partner-id"))
    var partner: String?

    func validate() throws {
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("The name must not be empty.")
        }
    }

    func run() throws {
        let loaded = try options.load()
        let initiative = loaded.initiative
        try partner.map(initiative.checkPartner)
        let store = try options.openDatabase(for: loaded)
        let issued = try DatabaseOptions.checked { () throws(StoreError) in
            try store.issueAPIToken(name: name, scope: scope.scope, partnerID: partner, now: Date())
        }
        print(issued.token)
        let limit = partner.map { " limited to partner \($0)" } ?? ""
        StandardError.print(
            "Created API token \(issued.record.publicID) \"\(name)\" (\(scope.rawValue))\(limit). "
                + "The token is shown only this once: Rhythm keeps only a hash of it.")
    }
}

/// `rhythm api-token list`: every token, without secrets.
struct APITokenListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the API tokens.",
        discussion: """
            Example:
              rhythm api-token list --format json
            """
    )

    @OptionGroup var options: RhythmOptions

    @Option(help: ArgumentHelp("text or json.", valueName: "format"))
    var format: OutputFormat = .text

    func run() throws {
        let loaded = try options.load()
        let initiative = loaded.initiative
        let location = options.databaseLocation(for: loaded)
        let store = try options.open(location)
        let tokens = try DatabaseOptions.checked { () throws(StoreError) in try store.apiTokens() }
        switch format {
        case .text:
            guard !tokens.isEmpty else {
                print("No API tokens in \(location.path). Create one with `rhythm api-token create NAME --scope read`.")
                return
            }
            let zone = initiative.timeZone
            func time(_ instant: Date) -> String {
                let local = zone.wallClock(at: instant)
                return "\(local.date) \(OccurrenceText.hourMinute(local.time.truncatedToMinutes))"
            }
            let rows = tokens.map { token in
                [
                    token.publicID, token.name, token.scope.rawValue, token.partnerID ?? "all", time(token.createdAt),
                    token.lastUsedAt.map(time) ?? "never", token.revokedAt.map(time) ?? "-",
                ]
            }
            let active = tokens.filter(\.isActive).count
            let heading = "\(Plural.phrase(tokens.count, "API token")), \(active) active; times in \(zone.identifier)"
            let table = TextTable.lines(
                header: ["ID", "NAME", "SCOPE", "PARTNER", "CREATED", "LAST USED", "REVOKED"], rows: rows)
            print(([heading, ""] + table).joined(separator: "\n"))
        case .json:
            print(try JSONOutput.encoded(APITokenListJSON(tokens: tokens.map(APITokenListJSON.Entry.init))))
        }
    }
}

/// The JSON form of `rhythm api-token list`: no secrets, no hashes.
struct APITokenListJSON: Encodable {
    struct Entry: Encodable {
        let publicId: String
        let name: String
        let scope: String
        let partnerId: String?
        let active: Bool
        let createdAt: String
        let lastUsedAt: String?
        let revokedAt: String?

        init(_ token: APITokenRecord) {
            publicId = token.publicID
            name = token.name
            scope = token.scope.rawValue
            partnerId = token.partnerID
            active = token.isActive
            createdAt = ISO8601Format.utc(token.createdAt)
            lastUsedAt = token.lastUsedAt.map(ISO8601Format.utc)
            revokedAt = token.revokedAt.map(ISO8601Format.utc)
        }
    }

    let tokens: [Entry]
}

/// `rhythm api-token revoke`: stops a token working.
struct APITokenRevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Stop an API token working.",
        discussion: """
            Revoking is immediate and cannot be undone.

            Example:
              rhythm api-token revoke k7qm2xw9ta
            """
    )

    @OptionGroup var options: RhythmOptions

    @Argument(help: ArgumentHelp("The token's public id, as `rhythm api-token list` shows it.", valueName: "public-id"))
    var publicID: String

    func run() throws {
        let location = try options.databaseLocation()
        let store = try options.open(location)
        let tokens = try DatabaseOptions.checked { () throws(StoreError) in try store.apiTokens() }
        guard let token = tokens.first(where: { $0.publicID == publicID }) else {
            if tokens.isEmpty {
                throw ValidationError("There is no API token \"\(publicID)\"; \(location.path) holds none.")
            }
            throw ValidationError(UpcomingQuery.unknown("API token", publicID, among: tokens.map(\.publicID)))
        }
        guard token.isActive else {
            print("API token \(publicID) (\"\(token.name)\") was already revoked; nothing was changed.")
            return
        }
        _ = try DatabaseOptions.checked { () throws(StoreError) in
            try store.revokeAPIToken(publicID: publicID, now: Date())
        }
        print("Revoked API token \(publicID) (\"\(token.name)\"); it no longer works.")
    }
}
