"""The marks written before a sum of money, so that no rule reads a sum as a name or a count.

"fined Kestrel Markets KRW 2.1 billion" ends the name before "KRW"; "a fine of AED 500,000
on Falcon Brokers" counts no 500,000 brokers. One list serves both (`names.type_cues`,
`references.unnamed_groups`).
"""

from __future__ import annotations

# a dollar written with its country's letters: "US$", "HK$", "R$", "S$"
DOLLAR_MARK = r"[A-Z]{1,3}\$"
# a currency's code or short sign, with the dot some write after it: "KRW", "Rs.", "KSh"
CURRENCY_CODE = (
    r"(?:Rs|RM|Rp|KRW|GBP|USD|EUR|INR|JPY|CNY|RMB|HKD|SGD|AUD|CAD|CHF|AED|THB"
    r"|BRL|NGN|ZAR|TRY|KES|PKR|KSh|Ksh|Sh|N|LE|TL|Tk|GH¢|SR|QR|KD|EGP|UGX|TZS|ETB|GHS|UZS|BDT"
    r"|IDR|MYR|PHP|VND|KZT|QAR|SAR|KWD|JOD|TWD|MXN|ARS|COP|CLP|PEN)\.?"
)
