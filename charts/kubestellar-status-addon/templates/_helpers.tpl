{{- define "kubestellar.statusAddon.name" -}}
{{- printf "%s-status-addon" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end }}

{{- define "kubestellar.statusAddon.clusterName" -}}
{{- required "clusterName is required: the WEC's ManagedCluster name in the ITS" .Values.clusterName -}}
{{- end }}

{{- define "kubestellar.statusAddon.selectorLabels" -}}
app.kubernetes.io/name: status-addon
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "kubestellar.statusAddon.labels" -}}
{{ include "kubestellar.statusAddon.selectorLabels" . }}
app.kubernetes.io/part-of: kubestellar
app.kubernetes.io/component: status-addon
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
kubestellar.io/cluster: {{ include "kubestellar.statusAddon.clusterName" . }}
{{- end }}

{{- /* The Secret holding the hub kubeconfig. */ -}}
{{- define "kubestellar.statusAddon.hubSecret" -}}
{{- if .Values.hub.kubeconfig -}}
{{ include "kubestellar.statusAddon.name" . }}-hub-kubeconfig
{{- else -}}
{{ required "hub.kubeconfigSecret.name (or hub.kubeconfig) is required: how the agent reaches the ITS" .Values.hub.kubeconfigSecret.name }}
{{- end -}}
{{- end }}
