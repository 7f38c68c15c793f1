import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RhythmCore

extension ClientAddress {
    /// The client of `request`, which came over a connection from `peer`.
    static func of(_ request: Request, peer: SocketAddress?) -> String {
        of(peer: peer?.ipAddress, forwardedFor: request.headers[.xForwardedFor])
    }
}

extension HTTPField.Name {
    static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!
}
