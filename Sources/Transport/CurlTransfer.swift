import CCurl
import Foundation

// The only file that talks to libcurl. Everything it hands out is a Sendable value.

/// `curl_global_init` is not safe to race with other threads' libcurl use; a Swift global
/// is initialised exactly once, on first use, under a lock. libcurl itself is loaded here, on the
/// first transfer, not at start (see CCurl's shim.h).
private let curlGlobalInitResult: UInt32 = docverify_curl_global_init(Int(CURL_GLOBAL_ALL)).rawValue

/// What one successful libcurl transfer returned.
struct TransferResult: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var body: Data
    var timings: Timings
}

/// Set from another thread to stop a running transfer; read by libcurl's progress callback.
final class CancellationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }

    var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }
}

/// Collects the response while libcurl runs; reached from the C callbacks through an
/// unretained pointer, which is safe because `CurlTransfer` owns it for the whole transfer.
private final class ResponseSink {
    var body = Data()
    var headers: [HTTPHeader] = []
    let cancellation: CancellationFlag
    let maxBodySize: Int?
    /// Set when the body outgrew `maxBodySize` and the transfer was stopped for it.
    var overflowed = false

    init(cancellation: CancellationFlag, maxBodySize: Int?) {
        self.cancellation = cancellation
        self.maxBodySize = maxBodySize
    }

    func receiveHeaderLine(_ raw: String) {
        var line = raw
        while let last = line.last, last.isNewline { line.removeLast() }  // "\r\n" is one Character
        if line.hasPrefix("HTTP/") {
            // A new status line: an interim 1xx or a proxy CONNECT answer came before; keep only the last.
            headers.removeAll()
            return
        }
        guard !line.isEmpty else { return }
        if let first = line.first, first == " " || first == "\t", !headers.isEmpty {
            // Obsolete line folding continues the previous field's value.
            headers[headers.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces)
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = String(line[..<colon])
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        headers.append(HTTPHeader(name: name, value: value))
    }
}

private func writeCallback(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    guard let context else { return 0 }
    let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    if let limit = sink.maxBodySize, sink.body.count + length > limit {
        sink.overflowed = true
        return 0  // Anything but `length` makes libcurl stop with CURLE_WRITE_ERROR.
    }
    if let data, length > 0 {
        sink.body.append(UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: length)
    }
    return length
}

private func headerCallback(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    guard let context else { return 0 }
    let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    if let data, length > 0 {
        let bytes = UnsafeRawBufferPointer(start: data, count: length)
        sink.receiveHeaderLine(String(decoding: bytes, as: UTF8.self))
    }
    return length
}

/// Hands a streamed body to libcurl; reached like the sink, owned by `CurlTransfer`.
private final class BodySource {
    var reader: HTTPBodyReader

    init(_ body: HTTPBody) {
        reader = HTTPBodyReader(body)
    }
}

private func readCallback(_ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    guard let context, let buffer else { return Int(CURL_READFUNC_ABORT) }
    let source = Unmanaged<BodySource>.fromOpaque(context).takeUnretainedValue()
    return source.reader.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: size * count))
}

private func seekCallback(_ context: UnsafeMutableRawPointer?, _ offset: curl_off_t, _ origin: Int32) -> Int32 {
    guard let context, origin == SEEK_SET else { return Int32(CURL_SEEKFUNC_CANTSEEK) }
    let source = Unmanaged<BodySource>.fromOpaque(context).takeUnretainedValue()
    return source.reader.seek(to: Int(offset)) ? Int32(CURL_SEEKFUNC_OK) : Int32(CURL_SEEKFUNC_FAIL)
}

private func progressCallback(_ context: UnsafeMutableRawPointer?, _: curl_off_t, _: curl_off_t, _: curl_off_t, _: curl_off_t) -> Int32 {
    guard let context else { return 0 }
    let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
    return sink.cancellation.isCancelled ? 1 : 0
}

/// One libcurl easy handle with everything it points to: header list, error buffer,
/// response sink. Created, used and freed on one thread.
final class CurlTransfer {
    private let handle: UnsafeMutableRawPointer
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>
    /// A valid address for empty bodies: a NULL POSTFIELDS would make libcurl read stdin.
    private let emptyBody: UnsafeMutablePointer<UInt8>
    private let sink: ResponseSink
    /// The body of a streamed upload (several pieces), read by libcurl as it sends.
    private var source: BodySource?
    private let url: String

    private init(url: String, cancellation: CancellationFlag, maxResponseSize: Int?) throws(TransportError) {
        guard curlGlobalInitResult == CURLE_OK.rawValue else {
            if let why = docverify_curl_load_error() {
                throw .other(url: url, code: Int(curlGlobalInitResult),
                             detail: "libcurl could not be loaded (\(String(cString: why))); install libcurl (Debian: apt-get install libcurl4)")
            }
            throw .other(url: url, code: Int(curlGlobalInitResult), detail: "libcurl could not initialise (curl_global_init failed)")
        }
        guard let handle = docverify_curl_easy_init() else {
            throw .other(url: url, code: -1, detail: "libcurl could not create a transfer handle (out of memory?)")
        }
        self.handle = handle
        self.url = url
        self.sink = ResponseSink(cancellation: cancellation, maxBodySize: maxResponseSize)
        self.errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        self.errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        self.emptyBody = .allocate(capacity: 1)
        self.emptyBody.initialize(to: 0)
    }

    deinit {
        docverify_curl_easy_cleanup(handle)
        docverify_curl_slist_free_all(headerList)
        errorBuffer.deallocate()
        emptyBody.deallocate()
    }

    /// Runs `request` to completion on the calling thread (blocking it).
    static func perform(_ request: HTTPRequest, options: TransportOptions, cancellation: CancellationFlag) -> Result<TransferResult, TransportError> {
        do {
            let transfer = try CurlTransfer(url: request.url, cancellation: cancellation, maxResponseSize: options.maxResponseSize)
            try transfer.configure(request, options: options)
            guard let payload = request.payload, let body = payload.contiguousData else {
                // No body, or one of several pieces: libcurl reads those through the read callback.
                return transfer.run(body: nil)
            }
            // The body is handed to libcurl by address (no copy); the pointer stays valid for the
            // whole transfer because the transfer runs inside this closure.
            return body.withUnsafeBytes { bytes in
                transfer.run(body: bytes)
            }
        } catch {
            return .failure(error)
        }
    }

    // MARK: Options

    private func check(_ code: CURLcode, _ what: String) throws(TransportError) {
        guard code == CURLE_OK else {
            let detail = String(cString: docverify_curl_easy_strerror(code))
            throw .other(url: url, code: Int(code.rawValue), detail: "could not set \(what): \(detail)")
        }
    }

    private func set(_ option: CURLoption, _ value: Int, _ what: String) throws(TransportError) {
        try check(docverify_curl_setopt_long(handle, option, value), what)
    }

    private func set(_ option: CURLoption, _ value: String, _ what: String) throws(TransportError) {
        // libcurl copies string options, so the temporary C string may go away afterwards.
        let code = value.withCString { docverify_curl_setopt_string(handle, option, $0) }
        try check(code, what)
    }

    private func configure(_ request: HTTPRequest, options: TransportOptions) throws(TransportError) {
        try validate(request)
        try set(CURLOPT_URL, request.url, "the URL")
        // Signals are process-wide and unsafe with threads; timeouts still work without them.
        try set(CURLOPT_NOSIGNAL, 1, "NOSIGNAL")
        try set(CURLOPT_PROTOCOLS_STR, "http,https", "the allowed protocols")
        try check(docverify_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer), "the error buffer")

        if let connectTimeout = options.connectTimeout {
            try set(CURLOPT_CONNECTTIMEOUT_MS, milliseconds(connectTimeout), "the connect timeout")
        }
        if let timeout = options.timeout {
            try set(CURLOPT_TIMEOUT_MS, milliseconds(timeout), "the timeout")
        }
        if let caCertPath = options.caCertPath {
            try set(CURLOPT_CAINFO, caCertPath, "the CA certificate file")
        }
        if options.insecure {
            try set(CURLOPT_SSL_VERIFYPEER, 0, "insecure mode")
            try set(CURLOPT_SSL_VERIFYHOST, 0, "insecure mode")
        }
        // Proxies: nothing is set on purpose, so libcurl reads https_proxy / http_proxy / no_proxy itself.

        try configureMethod(request)
        try configureHeaders(request)

        let context = Unmanaged.passUnretained(sink).toOpaque()
        try check(docverify_curl_setopt_write_callback(handle, writeCallback), "the body callback")
        try check(docverify_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, context), "the body callback")
        try check(docverify_curl_setopt_header_callback(handle, headerCallback), "the header callback")
        try check(docverify_curl_setopt_pointer(handle, CURLOPT_HEADERDATA, context), "the header callback")
        try check(docverify_curl_setopt_xferinfo_callback(handle, progressCallback), "the progress callback")
        try check(docverify_curl_setopt_pointer(handle, CURLOPT_XFERINFODATA, context), "the progress callback")
        try set(CURLOPT_NOPROGRESS, 0, "the progress callback")
    }

    private func milliseconds(_ seconds: TimeInterval) -> Int {
        // 0 means "no limit" to libcurl; a positive timeout must stay positive.
        max(1, Int((seconds * 1000).rounded(.up)))
    }

    private func validate(_ request: HTTPRequest) throws(TransportError) {
        let tokenCharacters = Set("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        guard !request.method.isEmpty, request.method.allSatisfy(tokenCharacters.contains) else {
            throw .invalidRequest(url: request.url, reason: "the method \"\(request.method)\" is not a valid HTTP method token")
        }
        let lowered = request.url.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else {
            throw .invalidRequest(url: request.url, reason: "the URL must start with http:// or https://")
        }
        for header in request.headers {
            guard !header.name.isEmpty, header.name.allSatisfy(tokenCharacters.contains) else {
                throw .invalidRequest(url: request.url, reason: "the header name \"\(header.name)\" is not a valid HTTP field name")
            }
            // Scalars, not Characters: "\r\n" is a single Character and would slip past a Character test.
            guard !header.value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else {
                throw .invalidRequest(url: request.url, reason: "the value of header \(header.name) contains a line break or NUL")
            }
        }
    }

    private func configureMethod(_ request: HTTPRequest) throws(TransportError) {
        switch request.method {
        case "GET" where request.payload == nil:
            try set(CURLOPT_HTTPGET, 1, "the method")
        case "HEAD" where request.payload == nil:
            try set(CURLOPT_NOBODY, 1, "the method")
        case "POST":
            break  // POSTFIELDS below makes it a POST.
        default:
            try set(CURLOPT_CUSTOMREQUEST, request.method, "the method")
        }
        if request.method == "POST" || request.payload != nil {
            // Size first so libcurl never measures the body with strlen; the address comes in run(body:).
            try check(docverify_curl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.payload?.count ?? 0)), "the body size")
            if let payload = request.payload, payload.contiguousData == nil {
                try stream(payload)
            } else {
                try check(docverify_curl_setopt_pointer(handle, CURLOPT_POSTFIELDS, emptyBody), "the body")
            }
        }
    }

    /// A body of several pieces goes out through the read callback, each piece from its own
    /// memory: joining them first would hold the whole body twice.
    private func stream(_ payload: HTTPBody) throws(TransportError) {
        let source = BodySource(payload)
        self.source = source
        let context = Unmanaged.passUnretained(source).toOpaque()
        try set(CURLOPT_POST, 1, "the method")
        try check(docverify_curl_setopt_read_callback(handle, readCallback), "the body callback")
        try check(docverify_curl_setopt_pointer(handle, CURLOPT_READDATA, context), "the body callback")
        try check(docverify_curl_setopt_seek_callback(handle, seekCallback), "the body rewind callback")
        try check(docverify_curl_setopt_pointer(handle, CURLOPT_SEEKDATA, context), "the body rewind callback")
    }

    private func configureHeaders(_ request: HTTPRequest) throws(TransportError) {
        var lines: [String] = []
        for header in request.headers {
            // "Name;" is libcurl's way to send a header with an empty value ("Name:" would remove it).
            lines.append(header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)")
        }
        if !request.headers.contains("Expect") {
            // Without this libcurl sends "Expect: 100-continue" for large bodies and waits up to 1 s
            // for servers (Hummingbird among them) that never answer it.
            lines.append("Expect:")
        }
        if request.payload != nil, !request.headers.contains("Content-Type") {
            // libcurl would add a form content type the request never asked for.
            lines.append("Content-Type:")
        }
        for line in lines {
            guard let appended = docverify_curl_slist_append(headerList, line) else {
                throw .other(url: url, code: -1, detail: "could not build the header list (out of memory?)")
            }
            headerList = appended
        }
        try check(docverify_curl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList), "the headers")
    }

    // MARK: Running

    private func run(body: UnsafeRawBufferPointer?) -> Result<TransferResult, TransportError> {
        if let body, let address = body.baseAddress, body.count > 0 {
            let code = docverify_curl_setopt_pointer(handle, CURLOPT_POSTFIELDS, address)
            guard code == CURLE_OK else { return .failure(failure(code)) }
        }
        let code = docverify_curl_easy_perform(handle)
        guard code == CURLE_OK else { return .failure(failure(code)) }

        var status = 0
        _ = docverify_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        let result = TransferResult(status: status, headers: HTTPHeaders(sink.headers), body: sink.body, timings: timings())
        return .success(result)
    }

    private func timings() -> Timings {
        func seconds(_ info: CURLINFO) -> TimeInterval {
            var microseconds: curl_off_t = 0
            _ = docverify_curl_getinfo_off_t(handle, info, &microseconds)
            return TimeInterval(microseconds) / 1_000_000
        }
        let tls = seconds(CURLINFO_APPCONNECT_TIME_T)
        return Timings(
            nameLookup: seconds(CURLINFO_NAMELOOKUP_TIME_T),
            connect: seconds(CURLINFO_CONNECT_TIME_T),
            tls: tls > 0 ? tls : nil,
            firstByte: seconds(CURLINFO_STARTTRANSFER_TIME_T),
            total: seconds(CURLINFO_TOTAL_TIME_T)
        )
    }

    private func failure(_ code: CURLcode) -> TransportError {
        if code == CURLE_WRITE_ERROR, sink.overflowed, let limit = sink.maxBodySize {
            return .responseTooLarge(url: url, limit: limit)
        }
        let buffered = String(cString: errorBuffer)
        let detail = buffered.isEmpty ? String(cString: docverify_curl_easy_strerror(code)) : buffered
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .unreachable(url: url, detail: detail)
        case CURLE_COULDNT_CONNECT:
            return .couldNotConnect(url: url, detail: detail)
        case CURLE_OPERATION_TIMEDOUT:
            return .timeout(url: url, detail: detail)
        case CURLE_GOT_NOTHING, CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_PARTIAL_FILE:
            return .connectionLost(url: url, detail: detail)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
             CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
             CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR,
             CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT:
            return .tls(url: url, detail: detail)
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            return .invalidRequest(url: url, reason: detail)
        case CURLE_ABORTED_BY_CALLBACK:
            return .cancelled(url: url)
        default:
            return .other(url: url, code: Int(code.rawValue), detail: detail)
        }
    }
}
