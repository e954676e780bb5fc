import SendoutCore

print(JSON.object(["ok": true]).compactString)
