{{- define "kubestellar.its.labels" -}}
app.kubernetes.io/name: {{ .component }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/part-of: kubestellar
app.kubernetes.io/component: {{ .component }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- with .wds }}
kubestellar.io/wds: {{ . }}
{{- end }}
{{- with .wec }}
kubestellar.io/cluster: {{ . }}
{{- end }}
{{- end }}

{{- /* A ServiceAccount, its optional token Secret and its Roles in the ITS. */ -}}
{{- define "kubestellar.its.identity" -}}
{{- $labels := include "kubestellar.its.labels" . | fromYaml }}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ .saName }}
  namespace: {{ .saNamespace }}
  labels:
    {{- toYaml $labels | nindent 4 }}
{{- if .root.Values.tokenSecrets }}
---
apiVersion: v1
kind: Secret
type: kubernetes.io/service-account-token
metadata:
  name: {{ .saName }}-token
  namespace: {{ .saNamespace }}
  labels:
    {{- toYaml $labels | nindent 4 }}
  annotations:
    kubernetes.io/service-account.name: {{ .saName }}
{{- end }}
{{ include "kubestellar.rbac" (dict "root" .root "component" .component "space" "its" "prefix" .prefix "saName" .saName "saNamespace" .saNamespace "labels" $labels) }}
{{- end }}
