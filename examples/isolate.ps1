<#
.SYNOPSIS
  Isolates a device in Microsoft Defender for Endpoint.
.EXAMPLE
  ./isolate.ps1 -MachineId 1e5bc9d7e413ddd7902c2932e418702b84d0cc07 -Reason 'Ransomware alert 4711'
#>
param(
    [Parameter(Mandatory)] [string]$MachineId,
    [string]$Reason = 'Isolated by the SOC runbook',
    [switch]$Selective
)

$apiRoot = 'https://api.securitycenter.microsoft.com/api'
$token = (Get-AzAccessToken -ResourceUrl 'https://api.securitycenter.microsoft.com').Token

$body = @{
    comment       = $Reason
    IsolationType = 'Full'
}
if ($Selective) {
    $body.IsolationType = 'Selective'
}

$action = Invoke-RestMethod -Method Post `
    -Uri "$apiRoot/machines/$MachineId/isolate" `
    -Headers @{ Authorization = "Bearer $token" } `
    -ContentType 'application/json' `
    -Body ($body | ConvertTo-Json)

Write-Output "Isolation requested: action $($action.id) is $($action.status)"
