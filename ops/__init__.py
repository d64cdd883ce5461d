"""Running the site in production: page cache and its invalidation, request ids, security
headers, uploads served safely, backups. Nothing here decides what a visitor reads."""
