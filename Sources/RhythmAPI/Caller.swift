import Foundation
import HTTPTypes
import Hummingbird
import RhythmStore

/// Who is calling: the API token that authenticated the request.
struct Caller: Sendable {
    var name: String
    var scope: APIScope
    /// The only partner whose data this token may touch; nil for the whole initiative.
    var partnerID: String?

    /// The name recorded in the audit trail: `api:<token name>`.
    var actor: String { "api:\(name)" }

    /// Reads the bearer token's secret from the `Authorization` header; nil when there is
    /// none, `""` when the header is there but not a bearer token.
    static func secret(in headers: HTTPFields) -> String? {
        guard let header = headers[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return "" }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }

    /// Throws 403 unless the token may write.
    func requireWrite() throws(APIProblem) {
        guard scope.allows(.write) else { throw APIProblem.insufficientScope }
    }
}
