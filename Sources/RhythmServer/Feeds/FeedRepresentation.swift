import Hummingbird

/// One representation of a rendered feed, the identity bytes or their gzip, with the header
/// values of a response carrying it made once, when the feed is rendered.
struct FeedRepresentation: Sendable {
    /// The bytes sent; every response hands NIO this same storage, never a copy.
    let body: ByteBuffer
    /// The strong validator of `body`.
    let tag: EntityTag
    /// `tag` as the `ETag` field value.
    let eTag: String
    /// The `Content-Length` field value.
    let contentLength: String

    init(body: ByteBuffer, tag: EntityTag) {
        self.body = body
        self.tag = tag
        self.eTag = tag.headerValue
        self.contentLength = String(body.readableBytes)
    }
}
