import CCurl

/// Initialises libcurl once per process, before the first handle; `curl_global_init` is
/// not thread-safe, and a lazy global runs exactly once.
private let curlGlobalInitResult: CURLcode = curl_global_init(Int(CURL_GLOBAL_SSL | CURL_GLOBAL_WIN32))

/// One libcurl easy handle, owned by exactly one transfer at a time.
///
/// A handle keeps its connection cache between transfers, so ``CurlTransport`` returns it to
/// a per-destination pool after a clean transfer and reuses the connection next time.
/// `@unchecked Sendable`: the pool hands a handle to one thread at a time and never shares it.
final class CurlEasyHandle: @unchecked Sendable {
    private let handle: UnsafeMutableRawPointer

    init?() {
        guard curlGlobalInitResult == CURLE_OK, let handle = curl_easy_init() else { return nil }
        self.handle = handle
    }

    deinit {
        curl_easy_cleanup(handle)
    }

    /// Runs one transfer; blocks the calling thread until it ends.
    func perform(_ request: CurlRequest) -> CurlResponse {
        curl_easy_reset(handle)
        let context = TransferContext(request: request)
        defer { context.release() }
        let setup = configure(request, context: context)
        if setup != CURLE_OK {
            return context.response(result: setup, handle: handle, redactions: request.redactions)
        }
        let result = curl_easy_perform(handle)
        return context.response(result: result, handle: handle, redactions: request.redactions)
    }

    private func configure(_ request: CurlRequest, context: TransferContext) -> CURLcode {
        let allowed =
            switch request.payload {
            case .http: "http,https"
            case .smtp: "smtp,smtps"
            case .imap: "imap,imaps"
            }
        var codes: [CURLcode] = [
            rhythm_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, context.errorBuffer),
            rhythm_curl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, allowed),
            rhythm_curl_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, allowed),
            rhythm_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0),
            rhythm_curl_setopt_long(handle, CURLOPT_MAXREDIRS, 0),
            rhythm_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1),
            rhythm_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, request.timeouts.connect.milliseconds),
            rhythm_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, request.timeouts.total.milliseconds),
            rhythm_curl_setopt_long(
                handle,
                CURLOPT_SERVER_RESPONSE_TIMEOUT,
                max(1, (request.timeouts.serverResponse.milliseconds + 999) / 1000)
            ),
            rhythm_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, context.opaque),
            rhythm_curl_setopt_callback(handle, CURLOPT_HEADERFUNCTION) { buffer, size, count, context in
                guard let buffer, let context else { return 0 }
                let transfer = Unmanaged<TransferContext>.fromOpaque(context).takeUnretainedValue()
                transfer.receiveHeader(UnsafeRawBufferPointer(start: buffer, count: size * count))
                return size * count
            },
            rhythm_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, context.opaque),
            rhythm_curl_setopt_callback(handle, CURLOPT_WRITEFUNCTION) { buffer, size, count, context in
                guard let buffer, let context else { return 0 }
                let transfer = Unmanaged<TransferContext>.fromOpaque(context).takeUnretainedValue()
                transfer.receiveBody(UnsafeRawBufferPointer(start: buffer, count: size * count))
                return size * count
            },
        ]
        codes.append(request.url.withCString { rhythm_curl_setopt_string(handle, CURLOPT_URL, $0) })
        if let username = request.username {
            codes.append(username.withCString { rhythm_curl_setopt_string(handle, CURLOPT_USERNAME, $0) })
        }
        if let password = request.password {
            codes.append(password.withCString { rhythm_curl_setopt_string(handle, CURLOPT_PASSWORD, $0) })
        }
        if let caFile = request.caFile {
            codes.append(caFile.withCString { rhythm_curl_setopt_string(handle, CURLOPT_CAINFO, $0) })
        }
        switch request.payload {
        case .http(let method, let headers, let body):
            context.headerList = CurlStringList(headers)
            codes.append(rhythm_curl_setopt_pointer(handle, CURLOPT_HTTPHEADER, context.headerList?.pointer))
            if !body.isEmpty {
                codes.append(rhythm_curl_setopt_long(handle, CURLOPT_POST, 1))
                codes.append(rhythm_curl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
                codes.append(contentsOf: setUpload(context))
            }
            if method != "POST" || body.isEmpty {
                codes.append(method.withCString { rhythm_curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, $0) })
            }
        case .smtp(let from, let recipients, _):
            if request.requireTLS {
                codes.append(rhythm_curl_setopt_long(handle, CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue)))
            }
            codes.append(from.withCString { rhythm_curl_setopt_string(handle, CURLOPT_MAIL_FROM, $0) })
            context.recipientList = CurlStringList(recipients)
            codes.append(rhythm_curl_setopt_pointer(handle, CURLOPT_MAIL_RCPT, context.recipientList?.pointer))
            codes.append(rhythm_curl_setopt_long(handle, CURLOPT_UPLOAD, 1))
            codes.append(contentsOf: setUpload(context))
        case .imap(let command):
            if request.requireTLS {
                codes.append(rhythm_curl_setopt_long(handle, CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue)))
            }
            if let command {
                codes.append(command.withCString { rhythm_curl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, $0) })
            }
        }
        return codes.first(where: { $0 != CURLE_OK }) ?? CURLE_OK
    }

    private func setUpload(_ context: TransferContext) -> [CURLcode] {
        [
            rhythm_curl_setopt_pointer(handle, CURLOPT_READDATA, context.opaque),
            rhythm_curl_setopt_callback(handle, CURLOPT_READFUNCTION) { buffer, size, count, context in
                guard let buffer, let context else { return Int(CURL_READFUNC_ABORT) }
                let transfer = Unmanaged<TransferContext>.fromOpaque(context).takeUnretainedValue()
                return transfer.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: size * count))
            },
        ]
    }
}

/// A `curl_slist` owned by Swift, freed with its transfer.
final class CurlStringList {
    private(set) var pointer: UnsafeMutablePointer<curl_slist>?

    init(_ strings: [String]) {
        for string in strings {
            pointer = curl_slist_append(pointer, string)
        }
    }

    deinit {
        curl_slist_free_all(pointer)
    }
}

/// The state libcurl's callbacks reach through READDATA, WRITEDATA and HEADERDATA.
final class TransferContext {
    private let upload: [UInt8]
    private var uploadOffset = 0
    private var payloadStarted = false
    private var body: [UInt8] = []
    private let bodyLimit: Int
    private var bodyTruncated = false
    private var headerLines: [String] = []
    let errorBuffer: UnsafeMutablePointer<CChar>
    var headerList: CurlStringList?
    var recipientList: CurlStringList?
    private(set) var opaque: UnsafeMutableRawPointer!

    init(request: CurlRequest) {
        switch request.payload {
        case .http(_, _, let body): upload = body
        case .smtp(_, _, let message): upload = message
        case .imap: upload = []
        }
        bodyLimit = request.bodyLimit
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        opaque = Unmanaged.passRetained(self).toOpaque()
    }

    /// Breaks the retain the callbacks' context pointer holds; call once, after the transfer.
    func release() {
        Unmanaged<TransferContext>.fromOpaque(opaque).release()
        errorBuffer.deallocate()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        payloadStarted = true
        let count = min(buffer.count, upload.count - uploadOffset)
        guard count > 0 else { return 0 }
        upload.withUnsafeBytes { bytes in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[uploadOffset..<uploadOffset + count]))
        }
        uploadOffset += count
        return count
    }

    func receiveBody(_ bytes: UnsafeRawBufferPointer) {
        let room = bodyLimit - body.count
        if room > 0 { body.append(contentsOf: bytes.prefix(room)) }
        if bytes.count > room { bodyTruncated = true }
    }

    func receiveHeader(_ bytes: UnsafeRawBufferPointer) {
        guard headerLines.count < 1000 else { return }
        var line = String(decoding: bytes, as: UTF8.self)
        while line.last?.isNewline == true { line.removeLast() }
        headerLines.append(line)
    }

    func response(result: CURLcode, handle: UnsafeMutableRawPointer, redactions: [String]) -> CurlResponse {
        var responseCode = 0
        rhythm_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &responseCode)
        var retryAfter: curl_off_t = 0
        rhythm_curl_getinfo_off_t(handle, CURLINFO_RETRY_AFTER, &retryAfter)
        var message = ""
        if result != CURLE_OK {
            let detail = String(cString: errorBuffer)
            message = detail.isEmpty ? String(cString: curl_easy_strerror(result)) : detail
        }
        let redaction = SecretRedaction(redactions)
        return CurlResponse(
            result: Int(result.rawValue),
            message: redaction.redact(message),
            responseCode: responseCode,
            replyLines: headerLines.map(redaction.redact),
            body: body,
            bodyTruncated: bodyTruncated,
            retryAfter: retryAfter > 0 ? .seconds(retryAfter) : nil,
            payloadStarted: payloadStarted,
            payloadComplete: payloadStarted && uploadOffset == upload.count
        )
    }
}

extension Duration {
    /// Whole milliseconds, as libcurl's `_MS` options take them.
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
