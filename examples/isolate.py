"""Isolate a device with Microsoft Defender for Endpoint, then tag it for follow-up.

Machine actions take PascalCase parameters: `comment` below is answered with
MissingRequiredParameter. Hover a key for its documentation; the quick fix renames it.
"""
import os

import requests

API_ROOT = "https://api.security.microsoft.com/api"


def token() -> str:
    return os.environ["MDE_TOKEN"]


def isolate(machine_id: str, reason: str) -> dict:
    body = {
        "comment": f"Isolated by the SOC: {reason}",
        "IsolationType": "Selective",
    }
    response = requests.post(
        f"{API_ROOT}/machines/{machine_id}/isolate",
        headers={"Authorization": f"Bearer {token()}"},
        json=body,
        timeout=30,
    )
    response.raise_for_status()
    return response.json()


def tag(machine_id: str, tag_name: str) -> None:
    with requests.Session() as session:
        session.headers["Authorization"] = f"Bearer {token()}"
        session.post(
            "{}/machines/{}/tags".format(API_ROOT, machine_id),
            json={"Value": tag_name, "Action": "Add"},
            timeout=30,
        ).raise_for_status()


if __name__ == "__main__":
    result = isolate(os.environ["MACHINE_ID"], "suspicious PowerShell")
    print(result["id"], result["status"])
    tag(os.environ["MACHINE_ID"], "isolated-by-soc")
