// Extraction stage: see docs/architecture.md.
import Core
