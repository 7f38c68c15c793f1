import CompressNIO
import Crypto
import Foundation
import Hummingbird

/// A rendered feed with everything a response needs made once per render: both
/// representations with their validators, and the formatted date.
///
/// Calendar clients ask for gzip, so the gzip body is compressed with the render rather
/// than on a request: no request ever compresses.
struct CachedFeed: Sendable {
    /// The feed as rendered, served when the client does not accept gzip.
    let identity: FeedRepresentation
    /// The same bytes gzip-compressed; its validator is distinct from the identity's, as
    /// RFC 9110 requires for different representations of one resource.
    let gzip: FeedRepresentation
    /// The `Last-Modified` value, an IMF-fixdate.
    let lastModified: String
    /// The instant `lastModified` was formatted from, whole seconds, for `If-Modified-Since`.
    let lastModifiedDate: Date

    /// Hashes and compresses `document`: work proportional to the feed's size, which the cache
    /// runs on `NIOThreadPool`. Compression is deterministic, so the gzip validator stays valid.
    init(document: FeedDocument) throws {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(2 * SHA256.byteCount)
        for byte in SHA256.hash(data: document.body) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        let hash = String(decoding: hex, as: UTF8.self)
        let body = ByteBuffer(bytes: document.body)
        self.identity = FeedRepresentation(body: body, tag: EntityTag(opaqueTag: hash))
        self.gzip = FeedRepresentation(body: try Self.compressed(body), tag: EntityTag(opaqueTag: hash + "-gzip"))
        self.lastModifiedDate = Date(timeIntervalSince1970: document.lastModified.timeIntervalSince1970.rounded(.down))
        self.lastModified = HTTPDate.format(self.lastModifiedDate)
    }

    /// The representation a client gets: gzip when it accepts it.
    func representation(gzip acceptsGzip: Bool) -> FeedRepresentation {
        acceptsGzip ? gzip : identity
    }

    /// `body` compressed in one pass at the best compression: done once per render.
    private static func compressed(_ body: ByteBuffer) throws -> ByteBuffer {
        let compressor = try ZlibCompressor(
            algorithm: .gzip,
            configuration: .init(compressionLevel: .bestCompression)
        )
        var input = body
        var output = ByteBufferAllocator().buffer(capacity: compressor.maxSize(from: input))
        try compressor.deflate(from: &input, to: &output, flush: .finish)
        return output
    }
}
