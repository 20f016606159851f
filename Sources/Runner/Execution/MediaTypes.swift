/// File extension → the media type sent for an uploaded file that names none (one table).
enum MediaTypes {
    static let byExtension: [String: String] = [
        "wav": "audio/wav", "mp3": "audio/mpeg", "mpga": "audio/mpeg", "mpeg": "audio/mpeg", "m4a": "audio/mp4",
        "mp4": "audio/mp4", "flac": "audio/flac", "ogg": "audio/ogg", "webm": "audio/webm", "png": "image/png",
        "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp", "pdf": "application/pdf",
        "txt": "text/plain", "md": "text/markdown", "json": "application/json", "jsonl": "application/jsonl",
        "csv": "text/csv",
    ]

    static func forFile(_ path: String) -> String {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return byExtension[ext] ?? "application/octet-stream"
    }
}
