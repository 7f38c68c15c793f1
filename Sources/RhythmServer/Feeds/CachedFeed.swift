import CompressNIO
import Crypto
import Foundation
import Hummingbird

/// A rendered feed with everything a response needs computed once: validators, the formatted
/// date and, once a client has asked for it, the gzip body.
struct CachedFeed: Sendable {
    /// The feed as rendered, served when the client does not accept gzip.
    let identity: ByteBuffer
    /// The strong validator of `identity`: the quoted hex SHA-256 of its bytes.
    let identityTag: EntityTag
    /// The strong validator of the gzip representation, distinct from `identityTag` as RFC 9110
    /// requires for different representations of one resource.
    let gzipTag: EntityTag
    /// The `Last-Modified` value, an IMF-fixdate.
    let lastModified: String
    /// The instant `lastModified` was formatted from, whole seconds, for `If-Modified-Since`.
    let lastModifiedDate: Date
    /// The gzip representation, nil until a client first accepts it.
    var gzip: ByteBuffer?

    init(document: FeedDocument) {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(2 * SHA256.byteCount)
        for byte in SHA256.hash(data: document.body) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        let hash = String(decoding: hex, as: UTF8.self)
        self.identity = ByteBuffer(bytes: document.body)
        self.identityTag = EntityTag(opaqueTag: hash)
        self.gzipTag = EntityTag(opaqueTag: hash + "-gzip")
        self.lastModifiedDate = Date(timeIntervalSince1970: document.lastModified.timeIntervalSince1970.rounded(.down))
        self.lastModified = HTTPDate.format(self.lastModifiedDate)
    }

    /// Compresses `identity` in one pass; deterministic, so the gzip validator stays valid.
    func compressed() throws -> ByteBuffer {
        let compressor = try ZlibCompressor(
            algorithm: .gzip,
            configuration: .init(compressionLevel: .bestCompression)
        )
        var input = identity
        var output = ByteBufferAllocator().buffer(capacity: compressor.maxSize(from: input))
        try compressor.deflate(from: &input, to: &output, flush: .finish)
        return output
    }
}
