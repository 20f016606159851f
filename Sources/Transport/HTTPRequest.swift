import Foundation

/// A fully built HTTP request: what the transport puts on the wire, nothing implied.
public struct HTTPRequest: Sendable, Hashable {
    /// The method token as sent, e.g. `POST` (case is kept: methods are case-sensitive).
    public var method: String
    /// Absolute `http://` or `https://` URL including the query string.
    public var url: String
    /// Header fields in the order they are sent.
    public var headers: HTTPHeaders
    /// The request body, sent from the memory its pieces already hold; nil sends none.
    public var payload: HTTPBody?

    /// The body as one buffer of bytes. A body of several pieces is joined into a copy on each
    /// read: large bodies are read through ``payload`` instead.
    public var body: Data? {
        get { payload?.data }
        set { payload = newValue.map(HTTPBody.init) }
    }

    public init(method: String = "GET", url: String, headers: HTTPHeaders = HTTPHeaders(), body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.payload = body.map(HTTPBody.init)
    }

    public init(method: String = "GET", url: String, headers: HTTPHeaders = HTTPHeaders(), payload: HTTPBody?) {
        self.method = method
        self.url = url
        self.headers = headers
        self.payload = payload
    }
}
