<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>Care360::ActivityDock</name>
    <message>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation>Registro de actividad</translation>
    </message>
    <message>
        <source>Activity log entries</source>
        <translation>Entradas del registro de actividad</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
</context>
<context>
    <name>Care360::ActivityLog</name>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Request ID</source>
        <translation>ID de solicitud</translation>
    </message>
    <message>
        <source>Changed fields</source>
        <translation>Campos modificados</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>load</source>
        <translation>carga</translation>
    </message>
    <message>
        <source>refresh</source>
        <translation>actualización</translation>
    </message>
    <message>
        <source>check</source>
        <translation>comprobación</translation>
    </message>
    <message>
        <source>send</source>
        <translation>envío</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organización</translation>
    </message>
</context>
<context>
    <name>Care360::ApiJob</name>
    <message>
        <source>the answer exceeded %1 MiB</source>
        <translation>la respuesta superó %1 MiB</translation>
    </message>
    <message>
        <source>no network access is configured.</source>
        <translation>no hay acceso a la red configurado.</translation>
    </message>
    <message>
        <source>no valid Care360 address is configured for this environment.</source>
        <translation>no hay una dirección válida de Care360 configurada para este entorno.</translation>
    </message>
    <message>
        <source>plain http:// is only allowed for this computer; use https:// for %1.</source>
        <translation>http:// sin cifrar solo se permite para esta computadora; use https:// para %1.</translation>
    </message>
    <message>
        <source>only https:// addresses are supported.</source>
        <translation>solo se admiten direcciones https://.</translation>
    </message>
    <message>
        <source>no API key is set for this environment.</source>
        <translation>no hay ninguna clave de API definida para este entorno.</translation>
    </message>
    <message>
        <source>the API key contains spaces or characters that cannot be sent.</source>
        <translation>la clave de API contiene espacios o caracteres que no se pueden enviar.</translation>
    </message>
    <message numerus="yes">
        <source>no complete answer within %Ln second(s)</source>
        <translation>
            <numerusform>sin respuesta completa en %Ln segundo</numerusform>
            <numerusform>sin respuesta completa en %Ln segundos</numerusform>
        </translation>
    </message>
    <message>
        <source>Care360 redirected it to another address (%1); the key was not sent there.</source>
        <translation>Care360 la redirigió a otra dirección (%1); la clave no se envió allí.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>el servidor cerró la conexión</translation>
    </message>
    <message>
        <source>%1:%2: %3</source>
        <translation>%1:%2: %3</translation>
    </message>
</context>
<context>
    <name>Care360::ApiKeyDialog</name>
    <message>
        <source>API key for %1</source>
        <translation>Clave de API para %1</translation>
    </message>
    <message>
        <source>This key applies to &lt;b&gt;%1&lt;/b&gt; only:&lt;br&gt;%2</source>
        <translation>Esta clave se aplica solo a &lt;b&gt;%1&lt;/b&gt;:&lt;br&gt;%2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>&amp;API key (cv-api-key):</source>
        <translation>&amp;Clave de API (cv-api-key):</translation>
    </message>
    <message>
        <source>API key label</source>
        <translation>Etiqueta de la clave de API</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clave de API</translation>
    </message>
    <message>
        <source>Paste the key from the Care360 organisation settings</source>
        <translation>Pegue la clave desde la configuración de la organización en Care360</translation>
    </message>
    <message>
        <source>Show key</source>
        <translation>Mostrar clave</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Show or hide the key while you check it</source>
        <translation>Muestre u oculte la clave mientras la revisa</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ocultar</translation>
    </message>
    <message>
        <source>Hide key</source>
        <translation>Ocultar clave</translation>
    </message>
    <message>
        <source>Keychain state</source>
        <translation>Estado del llavero del sistema</translation>
    </message>
    <message>
        <source>Key status</source>
        <translation>Estado de la clave</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>Botones del diálogo</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Save key</source>
        <translation>Guardar clave</translation>
    </message>
    <message>
        <source>&amp;Forget key</source>
        <translation>&amp;Olvidar clave</translation>
    </message>
    <message>
        <source>Forget key</source>
        <translation>Olvidar clave</translation>
    </message>
    <message>
        <source>Remove the saved key of this environment from the keychain</source>
        <translation>Quitar del llavero del sistema la clave guardada de este entorno</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Saving the key in the system keychain…</source>
        <translation>Guardando la clave en el llavero del sistema…</translation>
    </message>
    <message>
        <source>Removing the key from the system keychain…</source>
        <translation>Quitando la clave del llavero del sistema…</translation>
    </message>
    <message>
        <source>The key for this environment is forgotten. Enter a new one or close this window.</source>
        <translation>Se olvidó la clave de este entorno. Ingrese una nueva o cierre esta ventana.</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organización</translation>
    </message>
</context>
<context>
    <name>Care360::ApiOutcome</name>
    <message numerus="yes">
        <source>Changes saved; the case has %Ln active escalation(s).</source>
        <translation>
            <numerusform>Cambios guardados; el caso tiene %Ln escalamiento activo.</numerusform>
            <numerusform>Cambios guardados; el caso tiene %Ln escalamientos activos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln active escalation(s) loaded.</source>
        <translation>
            <numerusform>Se cargó %Ln escalamiento activo.</numerusform>
            <numerusform>Se cargaron %Ln escalamientos activos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln escalation(s) are no longer active (completed or removed elsewhere); the list has been refreshed and your other changes are kept.</source>
        <translation>
            <numerusform>%Ln escalamiento ya no está activo (se completó o se eliminó en otro lugar); la lista se actualizó y sus demás cambios se conservan.</numerusform>
            <numerusform>%Ln escalamientos ya no están activos (se completaron o se eliminaron en otro lugar); la lista se actualizó y sus demás cambios se conservan.</numerusform>
        </translation>
    </message>
    <message>
        <source>Change %1 was refused: %2.</source>
        <translation>Se rechazó el cambio %1: %2.</translation>
    </message>
    <message>
        <source>The request was refused: %1.</source>
        <translation>Se rechazó la solicitud: %1.</translation>
    </message>
    <message>
        <source>No assignable Care360 user has the e-mail %1 in this organisation; check the address or choose another assignee.</source>
        <translation>Ningún usuario asignable de Care360 tiene el correo electrónico %1 en esta organización; revise la dirección o elija otro responsable.</translation>
    </message>
    <message>
        <source>Care360 has no case with this ID; check the case ID.</source>
        <translation>Care360 no tiene ningún caso con este ID; revise el ID del caso.</translation>
    </message>
    <message>
        <source>This case belongs to another organisation than your API key; use that organisation&apos;s key.</source>
        <translation>Este caso pertenece a una organización distinta de la de su clave de API; use la clave de esa organización.</translation>
    </message>
    <message>
        <source>Care360 did not accept the API key for this environment; enter a valid key.</source>
        <translation>Care360 no aceptó la clave de API de este entorno; ingrese una clave válida.</translation>
    </message>
    <message>
        <source>Care360 did not answer in time; the changes may have been applied. They stay pending: send them again to be sure.</source>
        <translation>Care360 no respondió a tiempo; es posible que los cambios se hayan aplicado. Siguen pendientes: envíelos de nuevo para estar seguro.</translation>
    </message>
    <message>
        <source>Care360 did not answer in time.</source>
        <translation>Care360 no respondió a tiempo.</translation>
    </message>
    <message>
        <source>Care360 did not answer in time; your changes are kept, try again.</source>
        <translation>Care360 no respondió a tiempo; sus cambios se conservan, inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The connection to Care360 broke before it answered (%1); the changes may have been applied. They stay pending: send them again to be sure.</source>
        <translation>La conexión con Care360 se interrumpió antes de la respuesta (%1); es posible que los cambios se hayan aplicado. Siguen pendientes: envíelos de nuevo para estar seguro.</translation>
    </message>
    <message>
        <source>The connection to Care360 broke before it answered (%1).</source>
        <translation>La conexión con Care360 se interrumpió antes de la respuesta (%1).</translation>
    </message>
    <message>
        <source>Could not reach Care360 (%1); check the network and try again.</source>
        <translation>No se pudo conectar con Care360 (%1); revise la red e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The request was cancelled; your changes are kept.</source>
        <translation>Se canceló la solicitud; sus cambios se conservan.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>Se canceló la solicitud.</translation>
    </message>
    <message>
        <source>Care360 sent an answer too large to be genuine; it was discarded.</source>
        <translation>Care360 envió una respuesta demasiado grande para ser auténtica; se descartó.</translation>
    </message>
    <message>
        <source>The request was not sent: %1</source>
        <translation>No se envió la solicitud: %1</translation>
    </message>
    <message>
        <source>The redirect was not followed: %1</source>
        <translation>No se siguió la redirección: %1</translation>
    </message>
    <message>
        <source>Care360 answered with something the console cannot read; your changes are kept.</source>
        <translation>Care360 respondió con algo que la consola no puede leer; sus cambios se conservan.</translation>
    </message>
    <message>
        <source>Care360 answered with something that cannot be read.</source>
        <translation>Care360 respondió con algo que no se puede leer.</translation>
    </message>
    <message>
        <source>too many requests</source>
        <translation>demasiadas solicitudes</translation>
    </message>
    <message numerus="yes">
        <source>Care360 asks to slow down (%1); try again in %Ln second(s). Your changes are kept.</source>
        <translation>
            <numerusform>Care360 pide reducir el ritmo (%1); inténtelo de nuevo en %Ln segundo. Sus cambios se conservan.</numerusform>
            <numerusform>Care360 pide reducir el ritmo (%1); inténtelo de nuevo en %Ln segundos. Sus cambios se conservan.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Care360 asks to slow down (%1); try again in %Ln second(s).</source>
        <translation>
            <numerusform>Care360 pide reducir el ritmo (%1); inténtelo de nuevo en %Ln segundo.</numerusform>
            <numerusform>Care360 pide reducir el ritmo (%1); inténtelo de nuevo en %Ln segundos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Care360 asks to slow down (%1); try again shortly. Your changes are kept.</source>
        <translation>Care360 pide reducir el ritmo (%1); inténtelo de nuevo en unos momentos. Sus cambios se conservan.</translation>
    </message>
    <message>
        <source>Care360 asks to slow down (%1); try again shortly.</source>
        <translation>Care360 pide reducir el ritmo (%1); inténtelo de nuevo en unos momentos.</translation>
    </message>
    <message>
        <source>Care360 answered with an unexpected response (HTTP %1); your changes are kept.</source>
        <translation>Care360 dio una respuesta inesperada (HTTP %1); sus cambios se conservan.</translation>
    </message>
    <message>
        <source>Care360 answered with an unexpected response (HTTP %1).</source>
        <translation>Care360 dio una respuesta inesperada (HTTP %1).</translation>
    </message>
    <message>
        <source>Care360 answered &quot;%1&quot; (HTTP %2); your changes are kept.</source>
        <translation>Care360 respondió &quot;%1&quot; (HTTP %2); sus cambios se conservan.</translation>
    </message>
    <message>
        <source>Care360 answered &quot;%1&quot; (HTTP %2).</source>
        <translation>Care360 respondió &quot;%1&quot; (HTTP %2).</translation>
    </message>
    <message numerus="yes">
        <source>Someone else changed %Ln field(s) you edited on Care360 since you began; each is marked Conflict. Keep yours or take theirs, then send again. Nothing was sent.</source>
        <translation>
            <numerusform>Otra persona cambió en Care360 %Ln campo que usted editó desde que comenzó; está marcado como Conflicto. Conserve su valor o use el de Care360 y vuelva a enviar. No se envió nada.</numerusform>
            <numerusform>Otra persona cambió en Care360 %Ln campos que usted editó desde que comenzó; cada uno está marcado como Conflicto. Conserve su valor o use el de Care360 y vuelva a enviar. No se envió nada.</numerusform>
        </translation>
    </message>
    <message>
        <source>The secure connection to Care360 could not be verified (%1); nothing was sent. If your organisation inspects secure traffic, add its certificate authority in Settings › Preferences › Network.</source>
        <translation>No se pudo verificar la conexión segura con Care360 (%1); no se envió nada. Si su organización inspecciona el tráfico seguro, agregue su autoridad de certificación en Configuración › Preferencias › Red.</translation>
    </message>
    <message>
        <source>The secure connection to Care360 could not be verified (%1); nothing was sent. If your organisation inspects secure traffic, give its certificate authority with --ca-file FILE or SSL_CERT_FILE.</source>
        <translation>No se pudo verificar la conexión segura con Care360 (%1); no se envió nada. Si su organización inspecciona el tráfico seguro, indique su autoridad de certificación con --ca-file ARCHIVO o SSL_CERT_FILE.</translation>
    </message>
    <message>
        <source>The proxy %1 asks for a login that was not given or was not accepted; nothing reached Care360. Try again to enter the proxy login.</source>
        <translation>El proxy %1 pide credenciales que no se dieron o no se aceptaron; nada llegó a Care360. Vuelva a intentarlo para ingresar las credenciales del proxy.</translation>
    </message>
    <message>
        <source>The proxy %1 asks for a login that was not given or was not accepted; nothing reached Care360. Give it in the proxy variable (http://user:password@%1) or save it once in the console.</source>
        <translation>El proxy %1 pide credenciales que no se dieron o no se aceptaron; nada llegó a Care360. Indíquelas en la variable del proxy (http://usuario:contraseña@%1) o guárdelas una vez en la consola.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln escalation(s) are no longer active (completed or removed elsewhere); the list has been refreshed.</source>
        <translation>
            <numerusform>%Ln escalamiento ya no está activo (se completó o se eliminó en otro lugar); la lista se actualizó.</numerusform>
            <numerusform>%Ln escalamientos ya no están activos (se completaron o se eliminaron en otro lugar); la lista se actualizó.</numerusform>
        </translation>
    </message>
    <message>
        <source>The connection closed before Care360 answered (%1); your changes are kept, try again.</source>
        <translation>La conexión se cerró antes de que Care360 respondiera (%1); sus cambios se conservan, inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The connection closed before Care360 answered (%1); try again.</source>
        <translation>La conexión se cerró antes de que Care360 respondiera (%1); inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>actualizado</translation>
    </message>
    <message>
        <source>listed</source>
        <translation>listado</translation>
    </message>
    <message>
        <source>escalations not found</source>
        <translation>escalamientos no encontrados</translation>
    </message>
    <message>
        <source>refused as invalid</source>
        <translation>rechazado por no válido</translation>
    </message>
    <message>
        <source>assignee not found</source>
        <translation>responsable no encontrado</translation>
    </message>
    <message>
        <source>case not found</source>
        <translation>caso no encontrado</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>permiso denegado</translation>
    </message>
    <message>
        <source>API key refused</source>
        <translation>clave de API rechazada</translation>
    </message>
    <message>
        <source>unexpected answer</source>
        <translation>respuesta inesperada</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>tiempo agotado</translation>
    </message>
    <message>
        <source>connection failed</source>
        <translation>conexión fallida</translation>
    </message>
    <message>
        <source>secure connection failed</source>
        <translation>conexión segura fallida</translation>
    </message>
    <message>
        <source>proxy login needed</source>
        <translation>el proxy pide inicio de sesión</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>answer too large</source>
        <translation>respuesta demasiado grande</translation>
    </message>
    <message>
        <source>refused before sending</source>
        <translation>rechazado antes de enviar</translation>
    </message>
    <message>
        <source>changed by someone else</source>
        <translation>cambiado por otra persona</translation>
    </message>
</context>
<context>
    <name>Care360::Autostart</name>
    <message>
        <source>The console could not stop starting at login: %1 cannot be removed.</source>
        <translation>La consola no pudo dejar de abrirse al iniciar sesión: no se puede eliminar %1.</translation>
    </message>
    <message>
        <source>The console could not be set to start at login: %1 cannot be written (%2).</source>
        <translation>No se pudo configurar la consola para abrirse al iniciar sesión: no se puede escribir %1 (%2).</translation>
    </message>
</context>
<context>
    <name>Care360::BulkChanges</name>
    <message>
        <source>%1: the note looks like what a display shows, not the stored text (%2 characters ending in &quot;…&quot;, or symbols such as ␉ for control characters); it would replace the stored note. Give --accept-display-marks to send it as it is.</source>
        <translation>%1: la nota parece lo que muestra una pantalla, no el texto guardado (%2 caracteres que terminan en &quot;…&quot;, o símbolos como ␉ para caracteres de control); reemplazaría la nota guardada. Indique --accept-display-marks para enviarla tal cual.</translation>
    </message>
    <message>
        <source>%1: escalation %2 is not in the --base file, so a change made on Care360 since the export cannot be ruled out.</source>
        <translation>%1: el escalamiento %2 no está en el archivo --base, así que no se puede descartar un cambio hecho en Care360 desde la exportación.</translation>
    </message>
    <message>
        <source>%1: %2 of escalation %3 was changed on Care360 after the --base file was exported; sending would overwrite it.</source>
        <translation>%1: el campo %2 del escalamiento %3 se cambió en Care360 después de exportar el archivo --base; enviarlo sobrescribiría ese cambio.</translation>
    </message>
</context>
<context>
    <name>Care360::BulkEditDialog</name>
    <message>
        <source>Set assignee</source>
        <translation>Definir responsable</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Assign %Ln selected escalation(s) to:</source>
        <translation>
            <numerusform>&amp;Asignar %Ln escalamiento seleccionado a:</numerusform>
            <numerusform>&amp;Asignar %Ln escalamientos seleccionados a:</numerusform>
        </translation>
    </message>
    <message>
        <source>Assignee e-mail</source>
        <translation>Correo electrónico del responsable</translation>
    </message>
    <message>
        <source>name@organisation.example</source>
        <translation>nombre@organizacion.example</translation>
    </message>
    <message>
        <source>Set follow-up</source>
        <translation>Definir seguimiento</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Follow up %Ln selected escalation(s) on:</source>
        <translation>
            <numerusform>Fijar el &amp;seguimiento de %Ln escalamiento seleccionado para el:</numerusform>
            <numerusform>Fijar el &amp;seguimiento de %Ln escalamientos seleccionados para el:</numerusform>
        </translation>
    </message>
    <message>
        <source>Add to notes</source>
        <translation>Agregar a las notas</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Add this line to the notes of %Ln selected escalation(s):</source>
        <translation>
            <numerusform>&amp;Agregar esta línea a las notas de %Ln escalamiento seleccionado:</numerusform>
            <numerusform>&amp;Agregar esta línea a las notas de %Ln escalamientos seleccionados:</numerusform>
        </translation>
    </message>
    <message>
        <source>Line to add</source>
        <translation>Línea para agregar</translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation>A&amp;plicar</translation>
    </message>
</context>
<context>
    <name>Care360::BulkUpdateFile</name>
    <message>
        <source>The file is empty.</source>
        <translation>El archivo está vacío.</translation>
    </message>
    <message>
        <source>Row 1: column %1 is not one of %2.</source>
        <translation>Fila 1: la columna %1 no es ninguna de %2.</translation>
    </message>
    <message>
        <source>Row 1: column %1 repeats %2.</source>
        <translation>Fila 1: la columna %1 repite %2.</translation>
    </message>
    <message>
        <source>Row 1: the header needs an escalationId column.</source>
        <translation>Fila 1: el encabezado necesita una columna escalationId.</translation>
    </message>
    <message>
        <source>Row 1: the header names nothing to change: add note, followUpDueAt or assignedToEmail.</source>
        <translation>Fila 1: el encabezado no nombra nada que cambiar: agregue note, followUpDueAt o assignedToEmail.</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>Fila %1</translation>
    </message>
    <message>
        <source>%1 has %2 cells; the header has %3.</source>
        <translation>%1 tiene %2 celdas; el encabezado tiene %3.</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>Línea %1</translation>
    </message>
    <message>
        <source>%1 is not one JSON object.</source>
        <translation>%1 no es un único objeto JSON.</translation>
    </message>
    <message>
        <source>%1: unknown key &quot;%2&quot;; the keys are %3.</source>
        <translation>%1: clave desconocida &quot;%2&quot;; las claves son %3.</translation>
    </message>
    <message>
        <source>%1: %2 must be text or null.</source>
        <translation>%1: %2 debe ser texto o null.</translation>
    </message>
    <message>
        <source>%1: caseId is not a case ID (8-4-4-4-12 hexadecimal digits).</source>
        <translation>%1: caseId no es un ID de caso (8-4-4-4-12 dígitos hexadecimales).</translation>
    </message>
    <message>
        <source>%1: no case: fill its caseId cell or give --case.</source>
        <translation>%1: no hay caso: complete su celda caseId o indique --case.</translation>
    </message>
    <message>
        <source>%1: escalationId is not a UUID (8-4-4-4-12 hexadecimal digits).</source>
        <translation>%1: escalationId no es un UUID (8-4-4-4-12 dígitos hexadecimales).</translation>
    </message>
    <message>
        <source>%1: followUpDueAt is not an ISO 8601 date and time with a zone, such as 2025-06-15T09:00:00Z.</source>
        <translation>%1: followUpDueAt no es una fecha y hora ISO 8601 con zona, como 2025-06-15T09:00:00Z.</translation>
    </message>
    <message>
        <source>%1: assignedToEmail is not an e-mail address.</source>
        <translation>%1: assignedToEmail no es una dirección de correo electrónico.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The file is larger than %1 MiB.</source>
        <translation>El archivo ocupa más de %1 MiB.</translation>
    </message>
    <message>
        <source>The file has no rows of changes.</source>
        <translation>El archivo no tiene filas de cambios.</translation>
    </message>
    <message>
        <source>update --from needs --case ID when the file has no caseId column.</source>
        <translation>update --from necesita --case ID cuando el archivo no tiene columna caseId.</translation>
    </message>
    <message>
        <source>%1: escalation %2 is changed twice for the same case (first: %3); put its changes in one row.</source>
        <translation>%1: el escalamiento %2 se cambia dos veces para el mismo caso (primero: %3); ponga sus cambios en una sola fila.</translation>
    </message>
    <message>
        <source>In the --base file: %1</source>
        <translation>En el archivo --base: %1</translation>
    </message>
    <message>
        <source>Row 1: the header needs the columns escalationId, note, followUpDueAt and assignedToUserId, as list --format csv writes them.</source>
        <translation>Fila 1: el encabezado necesita las columnas escalationId, note, followUpDueAt y assignedToUserId, tal como las escribe list --format csv.</translation>
    </message>
    <message>
        <source>%1: escalation %2 is listed twice.</source>
        <translation>%1: el escalamiento %2 aparece dos veces.</translation>
    </message>
</context>
<context>
    <name>Care360::CaseBar</name>
    <message>
        <source>Case &amp;ID:</source>
        <translation>&amp;ID del caso:</translation>
    </message>
    <message>
        <source>Case ID</source>
        <translation>ID del caso</translation>
    </message>
    <message>
        <source>Paste a case ID or a link to a case</source>
        <translation>Pegue un ID de caso o un enlace a un caso</translation>
    </message>
    <message>
        <source>Clear the case ID</source>
        <translation>Borrar el ID del caso</translation>
    </message>
    <message>
        <source>Case ID check</source>
        <translation>Verificación del ID del caso</translation>
    </message>
    <message>
        <source>Load case</source>
        <translation>Cargar caso</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Cargar</translation>
    </message>
    <message>
        <source>Load the case&apos;s active escalations (Enter)</source>
        <translation>Cargar los escalamientos activos del caso (Intro)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Case ID check: nothing entered</source>
        <translation>Verificación del ID del caso: no se ingresó nada</translation>
    </message>
    <message>
        <source>✗ not a case ID</source>
        <translation>✗ no es un ID de caso</translation>
    </message>
    <message>
        <source>A case ID looks like 3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e01.</source>
        <translation>Un ID de caso tiene esta forma: 3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e01.</translation>
    </message>
    <message>
        <source>Case ID check: not a case ID</source>
        <translation>Verificación del ID del caso: no es un ID de caso</translation>
    </message>
    <message>
        <source>✓</source>
        <translation>✓</translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation>✓ %1</translation>
    </message>
    <message>
        <source>Case ID %1</source>
        <translation>ID del caso %1</translation>
    </message>
    <message>
        <source>Case ID check: valid, %1</source>
        <translation>Verificación del ID del caso: válido, %1</translation>
    </message>
</context>
<context>
    <name>Care360::CaseWorkspace</name>
    <message>
        <source>Revert selected</source>
        <translation>Revertir la selección</translation>
    </message>
    <message>
        <source>Keep your unsent changes for the next time you open this case, or discard them.</source>
        <translation>Conserve sus cambios sin enviar para la próxima vez que abra este caso, o descártelos.</translation>
    </message>
    <message>
        <source>Changes are being sent right now; whether Care360 applies them is not known yet. </source>
        <translation>Los cambios se están enviando en este momento; todavía no se sabe si Care360 los aplicará. </translation>
    </message>
    <message>
        <source>Your unsent changes will be lost.</source>
        <translation>Se perderán sus cambios sin enviar.</translation>
    </message>
    <message>
        <source>No API key is saved for %1 yet, so the console opened on the Sandbox. Choose %1 again to enter its key.</source>
        <translation>Todavía no hay una clave de API guardada para %1, así que la consola se abrió en el Sandbox (práctica). Elija %1 de nuevo para ingresar su clave.</translation>
    </message>
    <message>
        <source>%1 The console opened on the Sandbox meanwhile.</source>
        <translation>%1 Mientras tanto, la consola se abrió en el Sandbox (práctica).</translation>
    </message>
    <message>
        <source>Case %1 was not opened: it belongs to %2.</source>
        <translation>No se abrió el caso %1: pertenece a %2.</translation>
    </message>
    <message numerus="yes">
        <source>Set the assignee of %Ln escalation(s)</source>
        <translation>
            <numerusform>Definir el responsable de %Ln escalamiento</numerusform>
            <numerusform>Definir el responsable de %Ln escalamientos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set the follow-up of %Ln escalation(s)</source>
        <translation>
            <numerusform>Definir el seguimiento de %Ln escalamiento</numerusform>
            <numerusform>Definir el seguimiento de %Ln escalamientos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add a line to %Ln note(s)</source>
        <translation>
            <numerusform>Agregar una línea a %Ln nota</numerusform>
            <numerusform>Agregar una línea a %Ln notas</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 could not be opened: %2.</source>
        <translation>No se pudo abrir %1: %2.</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MiB; a team directory is far smaller.</source>
        <translation>%1 ocupa más de %2 MiB; un directorio del equipo es mucho más pequeño.</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>No se importó nada: %1</translation>
    </message>
    <message>
        <source>Case %1 is open in another window, which was brought forward: a case is edited in one place only, so no change can overwrite another.</source>
        <translation>El caso %1 está abierto en otra ventana, que se trajo al frente: un caso se edita en un solo lugar, así ningún cambio sobrescribe a otro.</translation>
    </message>
    <message>
        <source>No organisation is called &quot;%1&quot;, so the console opened %2. Add it under File › Organisations….</source>
        <translation>Ninguna organización se llama &quot;%1&quot;, así que la consola abrió %2. Agréguela en Archivo › Organizaciones….</translation>
    </message>
    <message>
        <source>The key of %1 is kept in the system keychain (entry %2), never in a file.</source>
        <translation>La clave de %1 se guarda en el llavero del sistema (entrada %2), nunca en un archivo.</translation>
    </message>
</context>
<context>
    <name>Care360::CliRunner</name>
    <message>
        <source>No API key for %1: %2 Store one with &quot;key set&quot; or set CARE360_API_KEY.</source>
        <translation>No hay clave de API para %1: %2 Guarde una con &quot;key set&quot; o defina CARE360_API_KEY.</translation>
    </message>
    <message>
        <source>%1 Nothing was sent.</source>
        <translation>%1 No se envió nada.</translation>
    </message>
    <message>
        <source>Case %1: %2</source>
        <translation>Caso %1: %2</translation>
    </message>
    <message>
        <source>Case %1: not sent.</source>
        <translation>Caso %1: no enviado.</translation>
    </message>
    <message>
        <source>Stopped at case %1 of %2.</source>
        <translation>Detenido en el caso %1 de %2.</translation>
    </message>
    <message>
        <source>The cases before it were updated.</source>
        <translation>Los casos anteriores se actualizaron.</translation>
    </message>
    <message>
        <source>The cases after it were not sent.</source>
        <translation>Los casos posteriores no se enviaron.</translation>
    </message>
    <message>
        <source>Ignored the columns %1: update does not change them.</source>
        <translation>Se ignoraron las columnas %1: update no las cambia.</translation>
    </message>
    <message>
        <source>Nothing was sent: update --from lists every case before it sends any.</source>
        <translation>No se envió nada: update --from consulta todos los casos antes de enviar alguno.</translation>
    </message>
    <message>
        <source>Case %1: nothing to change; not sent.</source>
        <translation>Caso %1: nada que cambiar; no enviado.</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>No se envió nada.</translation>
    </message>
    <message>
        <source>Nothing was sent: these fields were changed on Care360 after the --base file was exported. Export the case again with list --format csv and redo the edits there, or leave out --base to overwrite those changes.</source>
        <translation>No se envió nada: estos campos se cambiaron en Care360 después de exportar el archivo --base. Vuelva a exportar el caso con list --format csv y rehaga allí las ediciones, u omita --base para sobrescribir esos cambios.</translation>
    </message>
</context>
<context>
    <name>Care360::ConnectionManager</name>
    <message>
        <source>This build of the console has no practice sandbox; choose Staging, Production or a custom URL.</source>
        <translation>Esta versión de la consola no incluye el entorno de práctica (Sandbox); elija Staging (pruebas), Producción o una URL personalizada.</translation>
    </message>
    <message>
        <source>No API key</source>
        <translation>Sin clave de API</translation>
    </message>
    <message>
        <source>Reading key…</source>
        <translation>Leyendo la clave…</translation>
    </message>
    <message>
        <source>Key saved in keychain</source>
        <translation>Clave guardada en el llavero</translation>
    </message>
    <message>
        <source>Key in memory only</source>
        <translation>Clave solo en memoria</translation>
    </message>
    <message>
        <source>Sandbox demo key</source>
        <translation>Clave de demostración del Sandbox</translation>
    </message>
</context>
<context>
    <name>Care360::ConsoleWindows</name>
    <message>
        <source>%1 Only the system&apos;s certificate authorities are trusted; choose the file again in Settings › Preferences › Network.</source>
        <translation>%1 Solo se confía en las autoridades de certificación del sistema; elija el archivo de nuevo en Configuración › Preferencias › Red.</translation>
    </message>
</context>
<context>
    <name>Care360::CredentialStore</name>
    <message>
        <source>Enter the API key: the field is empty.</source>
        <translation>Ingrese la clave de API: el campo está vacío.</translation>
    </message>
    <message>
        <source>The API key contains only spaces. Paste the whole key.</source>
        <translation>La clave de API contiene solo espacios. Pegue la clave completa.</translation>
    </message>
    <message>
        <source>The API key must be a single line. Paste only the key, without line breaks.</source>
        <translation>La clave de API debe ocupar una sola línea. Pegue solo la clave, sin saltos de línea.</translation>
    </message>
    <message>
        <source>the environment&apos;s address is not a valid URL</source>
        <translation>la dirección del entorno no es una URL válida</translation>
    </message>
    <message>
        <source>the keyring that holds the key is locked</source>
        <translation>el llavero que contiene la clave está bloqueado</translation>
    </message>
</context>
<context>
    <name>Care360::Csv</name>
    <message>
        <source>The CSV reader could not start.</source>
        <translation>No se pudo iniciar el lector de CSV.</translation>
    </message>
    <message>
        <source>Row %1 is not valid CSV (%2).</source>
        <translation>La fila %1 no es CSV válido (%2).</translation>
    </message>
</context>
<context>
    <name>Care360::DesktopNotifier</name>
    <message>
        <source>Follow-up due: %1</source>
        <translation>Vence un seguimiento: %1</translation>
    </message>
    <message>
        <source>%1 · due %2 · case %3</source>
        <translation>%1 · vence el %2 · caso %3</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Abrir caso</translation>
    </message>
    <message>
        <source>Snooze 1 hour</source>
        <translation>Posponer 1 hora</translation>
    </message>
    <message>
        <source>Remind me tomorrow</source>
        <translation>Recordármelo mañana</translation>
    </message>
</context>
<context>
    <name>Care360::DraftJournal</name>
    <message>
        <source>Unsent changes on case %1 can&apos;t be kept on this computer: the disk is full. Send them or free some space; they are kept again as soon as there is room.</source>
        <translation>Los cambios sin enviar del caso %1 no se pueden guardar en esta computadora: el disco está lleno. Envíelos o libere espacio; se guardarán de nuevo en cuanto haya lugar.</translation>
    </message>
    <message>
        <source>Unsent changes on case %1 can&apos;t be kept on this computer: the folder %2 can&apos;t be written to. Send them, or make the folder writable.</source>
        <translation>Los cambios sin enviar del caso %1 no se pueden guardar en esta computadora: no se puede escribir en la carpeta %2. Envíelos o permita escribir en la carpeta.</translation>
    </message>
    <message>
        <source>Unsent changes on case %1 can&apos;t be kept on this computer (%2). Send them before you quit.</source>
        <translation>Los cambios sin enviar del caso %1 no se pueden guardar en esta computadora (%2). Envíelos antes de salir.</translation>
    </message>
    <message>
        <source>the file is empty or cut short, as happens when the disk was full while it was written</source>
        <translation>el archivo está vacío o cortado, como ocurre cuando el disco se llenó mientras se escribía</translation>
    </message>
    <message>
        <source>the file was changed or damaged, or the key that protects it is no longer in the keychain</source>
        <translation>el archivo se modificó o se dañó, o la clave que lo protege ya no está en el llavero</translation>
    </message>
    <message>
        <source>Unsent changes kept on this computer for case %1 could not be read: %2. They were not restored; the file was kept as %3.</source>
        <translation>No se pudieron leer los cambios sin enviar guardados en esta computadora para el caso %1: %2. No se restauraron; el archivo se conservó como %3.</translation>
    </message>
</context>
<context>
    <name>Care360::DraftKeeper</name>
    <message>
        <source>Unsent changes on case %1 are kept on this computer again.</source>
        <translation>Los cambios sin enviar del caso %1 vuelven a guardarse en esta computadora.</translation>
    </message>
</context>
<context>
    <name>Care360::DueGroups</name>
    <message>
        <source>Overdue</source>
        <translation>Vencido</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Mañana</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Esta semana</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Más adelante</translation>
    </message>
</context>
<context>
    <name>Care360::Environment</name>
    <message>
        <source>Sandbox</source>
        <translation>Sandbox (práctica)</translation>
    </message>
    <message>
        <source>Staging</source>
        <translation>Staging (pruebas)</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Producción</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personalizado</translation>
    </message>
</context>
<context>
    <name>Care360::EnvironmentBar</name>
    <message>
        <source>Changes here go to a practice server on this computer, never to Care360.</source>
        <translation>Los cambios aquí van a un servidor de práctica en esta computadora, nunca a Care360.</translation>
    </message>
    <message>
        <source>API key state</source>
        <translation>Estado de la clave de API</translation>
    </message>
    <message>
        <source>API key…</source>
        <translation>Clave de API…</translation>
    </message>
    <message>
        <source>API key: %1</source>
        <translation>Clave de API: %1</translation>
    </message>
    <message>
        <source>%1 — practice data on this computer (%2)</source>
        <translation>%1 — datos de práctica en esta computadora (%2)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Orga&amp;nisation:</source>
        <translation>Organi&amp;zación:</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>Organisations…</source>
        <translation>Organizaciones…</translation>
    </message>
    <message>
        <source>Every case in this window is %1&apos;s.</source>
        <translation>Todos los casos de esta ventana son de %1.</translation>
    </message>
    <message>
        <source>Practice data</source>
        <translation>Datos de práctica</translation>
    </message>
    <message>
        <source>Organisation: %1</source>
        <translation>Organización: %1</translation>
    </message>
</context>
<context>
    <name>Care360::ErrorBanner</name>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <source>Enter &amp;key…</source>
        <translation>In&amp;gresar clave…</translation>
    </message>
    <message>
        <source>&amp;Discard them</source>
        <translation>&amp;Descartarlos</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>&amp;Retry (%1 s)</source>
        <translation>&amp;Reintentar (%1 s)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Texto del mensaje</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Enter API key</source>
        <translation>Ingresar clave de API</translation>
    </message>
    <message>
        <source>Discard the restored changes</source>
        <translation>Descartar los cambios restaurados</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>Cerrar el mensaje</translation>
    </message>
    <message>
        <source>(Request ID %1)</source>
        <translation>(ID de solicitud %1)</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Información</translation>
    </message>
    <message>
        <source>Open with %1</source>
        <translation>Abrir con %1</translation>
    </message>
    <message>
        <source>another organisation</source>
        <translation>otra organización</translation>
    </message>
</context>
<context>
    <name>Care360::EscalationDelegate</name>
    <message>
        <source>Enter a valid e-mail address, or press Esc to cancel.</source>
        <translation>Ingrese una dirección de correo electrónico válida, o presione Esc para cancelar.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Ctrl+Enter saves the note as a draft, Esc cancels.</source>
        <translation>Ctrl+Intro guarda la nota como borrador, Esc cancela.</translation>
    </message>
    <message>
        <source>Assignee e-mail</source>
        <translation>Correo electrónico del responsable</translation>
    </message>
    <message>
        <source>name@organisation.example</source>
        <translation>nombre@organizacion.example</translation>
    </message>
    <message>
        <source>UTC: %1</source>
        <translation>UTC: %1</translation>
    </message>
    <message>
        <source>Overdue · %1</source>
        <translation>Vencido · %1</translation>
    </message>
    <message>
        <source>Due soon · %1</source>
        <translation>Vence pronto · %1</translation>
    </message>
    <message>
        <source>✎ %1</source>
        <translation>✎ %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s) offered; Down to choose, Enter to take.</source>
        <translation>
            <numerusform>%Ln persona ofrecida; Abajo para elegir, Intro para tomarla.</numerusform>
            <numerusform>%Ln personas ofrecidas; Abajo para elegir, Intro para tomar una.</numerusform>
        </translation>
    </message>
    <message>
        <source>Editing: %1</source>
        <translation>Editando: %1</translation>
    </message>
    <message>
        <source>Editing: %1, %2</source>
        <translation>Editando: %1, %2</translation>
    </message>
</context>
<context>
    <name>Care360::EscalationPresenter</name>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>Fecha de seguimiento</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Actualizado</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Editar nota</translation>
    </message>
    <message>
        <source>Change follow-up date</source>
        <translation>Cambiar fecha de seguimiento</translation>
    </message>
    <message>
        <source>Change assignee</source>
        <translation>Cambiar responsable</translation>
    </message>
    <message>
        <source>Unknown user</source>
        <translation>Usuario desconocido</translation>
    </message>
    <message>
        <source>No longer active (completed or removed elsewhere); its changes will not be sent. Discard it when you are done with it.</source>
        <translation>Ya no está activo (se completó o se eliminó en otro lugar); sus cambios no se enviarán. Descártelo cuando termine con él.</translation>
    </message>
    <message>
        <source>Changed, not saved yet.</source>
        <translation>Modificado, todavía sin guardar.</translation>
    </message>
    <message>
        <source>Escalation ID: %1</source>
        <translation>ID del escalamiento: %1</translation>
    </message>
    <message>
        <source>No longer active</source>
        <translation>Ya no está activo</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Vencido</translation>
    </message>
    <message>
        <source>Due soon</source>
        <translation>Vence pronto</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Editado</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No follow-up date</source>
        <translation>Sin fecha de seguimiento</translation>
    </message>
    <message>
        <source>%1 (UTC)</source>
        <translation>%1 (UTC)</translation>
    </message>
    <message>
        <source>Will be reassigned to %1</source>
        <translation>Se reasignará a %1</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Sin asignar</translation>
    </message>
    <message>
        <source>Unknown user: not in the team directory (File › Import team directory…)</source>
        <translation>Usuario desconocido: no está en el directorio del equipo (Archivo › Importar directorio del equipo…)</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation>%1 &lt;%2&gt;</translation>
    </message>
    <message>
        <source>User ID: %1</source>
        <translation>ID de usuario: %1</translation>
    </message>
    <message>
        <source>No note</source>
        <translation>Sin nota</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflicto</translation>
    </message>
    <message>
        <source>Changed on Care360 by someone else while you were editing it.
On Care360 now: %1
Yours: %2
When you began: %3
Keep yours or take theirs (context menu or Edit menu) before sending.</source>
        <translation>Otra persona lo cambió en Care360 mientras usted lo editaba.
Ahora en Care360: %1
Suyo: %2
Al comenzar: %3
Conserve su valor o use el de Care360 (menú contextual o menú Editar) antes de enviar.</translation>
    </message>
    <message>
        <source>no note</source>
        <translation>sin nota</translation>
    </message>
    <message>
        <source>no follow-up date</source>
        <translation>sin fecha de seguimiento</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>sin responsable</translation>
    </message>
    <message>
        <source>Unknown user (%1)</source>
        <translation>Usuario desconocido (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Due within %Ln hour(s)</source>
        <translation>
            <numerusform>Vence en %Ln hora</numerusform>
            <numerusform>Vence en %Ln horas</numerusform>
        </translation>
    </message>
    <message>
        <source>support</source>
        <translation>soporte</translation>
    </message>
    <message>
        <source>clinical</source>
        <translation>clínico</translation>
    </message>
    <message>
        <source>external</source>
        <translation>externo</translation>
    </message>
</context>
<context>
    <name>Care360::EscalationTableModel</name>
    <message>
        <source>Revert cell</source>
        <translation>Revertir la celda</translation>
    </message>
    <message>
        <source>Revert row</source>
        <translation>Revertir la fila</translation>
    </message>
    <message>
        <source>Revert all changes</source>
        <translation>Revertir todos los cambios</translation>
    </message>
    <message>
        <source>Discard no longer active escalation</source>
        <translation>Descartar el escalamiento que ya no está activo</translation>
    </message>
    <message>
        <source>Restore unsent changes</source>
        <translation>Restaurar los cambios sin enviar</translation>
    </message>
</context>
<context>
    <name>Care360::FollowUpAlerts</name>
    <message>
        <source>Follow-up due %1: %2 (%3, case %4).</source>
        <translation>Seguimiento para el %1: %2 (%3, caso %4).</translation>
    </message>
</context>
<context>
    <name>Care360::FollowUpDatabase</name>
    <message>
        <source>Follow-ups cannot be kept: this computer lacks Qt&apos;s SQLite driver (Debian: libqt6sql6-sqlite).</source>
        <translation>No se pueden guardar los seguimientos: a esta computadora le falta el controlador SQLite de Qt (Debian: libqt6sql6-sqlite).</translation>
    </message>
    <message>
        <source>open</source>
        <translation>abrir</translation>
    </message>
    <message>
        <source>The follow-ups kept on this computer could not be read or written (%1: %2).</source>
        <translation>No se pudieron leer o escribir los seguimientos guardados en esta computadora (%1: %2).</translation>
    </message>
    <message>
        <source>record</source>
        <translation>registrar</translation>
    </message>
    <message>
        <source>The follow-ups kept on this computer could not be written (%1).</source>
        <translation>No se pudieron escribir los seguimientos guardados en esta computadora (%1).</translation>
    </message>
    <message>
        <source>set-up</source>
        <translation>preparar</translation>
    </message>
    <message>
        <source>query</source>
        <translation>consultar</translation>
    </message>
</context>
<context>
    <name>Care360::FollowUpDates</name>
    <message>
        <source>%1 is a %2, not a %3.</source>
        <translation>El %1 es %2, no %3.</translation>
    </message>
    <message>
        <source>No such date: %1. Type e.g. %2 or %3.</source>
        <translation>No existe la fecha %1. Escriba p. ej. %2 o %3.</translation>
    </message>
</context>
<context>
    <name>Care360::FollowUpEditor</name>
    <message>
        <source>Follow-up due (local time)</source>
        <translation>Fecha de seguimiento (hora local)</translation>
    </message>
    <message>
        <source>To&amp;day</source>
        <translation>&amp;Hoy</translation>
    </message>
    <message>
        <source>To&amp;morrow</source>
        <translation>&amp;Mañana</translation>
    </message>
    <message>
        <source>In &amp;3 days</source>
        <translation>En &amp;3 días</translation>
    </message>
    <message>
        <source>In a &amp;week</source>
        <translation>En una &amp;semana</translation>
    </message>
    <message>
        <source>Open ca&amp;lendar</source>
        <translation>Abrir ca&amp;lendario</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>New dates are at %1:00 local time.</source>
        <translation>Las fechas nuevas son a las %1:00, hora local.</translation>
    </message>
    <message>
        <source>Type a date and time: 14 Dec 2026 10:30, 2026-12-14 10:30, tomorrow 16:00, mon 10:30, +3d.</source>
        <translation>Escriba una fecha y hora: 14 dic 2026 10:30, 2026-12-14 10:30, mañana 16:00, lun 10:30, +3d.</translation>
    </message>
    <message>
        <source>Follow-up date as read</source>
        <translation>Fecha de seguimiento interpretada</translation>
    </message>
    <message>
        <source>Follow-up calendar</source>
        <translation>Calendario de seguimiento</translation>
    </message>
    <message>
        <source>%1 (in the past)</source>
        <translation>%1 (ya pasó)</translation>
    </message>
</context>
<context>
    <name>Care360::FollowUpParser</name>
    <message>
        <source>Type a date and time, e.g. %1, tomorrow 9:00 or mon 10:30.</source>
        <translation>Escriba una fecha y hora, p. ej. %1, mañana 9:00 o lun 10:30.</translation>
    </message>
    <message>
        <source>Not a date or time: try e.g. %1, tomorrow 9:00 or mon 10:30.</source>
        <translation>No es una fecha ni una hora: pruebe p. ej. %1, mañana 9:00 o lun 10:30.</translation>
    </message>
    <message>
        <source>Times here are local (%1): leave out “%2”.</source>
        <translation>Aquí las horas son locales (%1): quite “%2”.</translation>
    </message>
    <message>
        <source>%1 does not exist on %2: the clocks go forward.</source>
        <translation>Las %1 no existen el %2: se adelantan los relojes.</translation>
    </message>
    <message>
        <source>Follow-ups are in whole minutes: leave out the seconds.</source>
        <translation>Los seguimientos son en minutos enteros: quite los segundos.</translation>
    </message>
    <message>
        <source>No such time: %1. Hours run 0–23 (1–12 with am or pm), minutes 00–59.</source>
        <translation>No existe la hora %1. Las horas van de 0 a 23 (de 1 a 12 con a. m. o p. m.), los minutos de 00 a 59.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>Care360::FollowUpRefresher</name>
    <message>
        <source>%1 (its server is no longer known)</source>
        <translation>%1 (ya no se conoce su servidor)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>Refresh stopped: %1 of %Ln case(s) listed.</source>
        <translation>
            <numerusform>Actualización detenida: %1 de %Ln caso listado.</numerusform>
            <numerusform>Actualización detenida: %1 de %Ln casos listados.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refreshed %1 of %Ln case(s).</source>
        <translation>
            <numerusform>Actualizados: %1 de %Ln caso.</numerusform>
            <numerusform>Actualizados: %1 de %Ln casos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not listed: %1.</source>
        <translation>No se listaron: %1.</translation>
    </message>
    <message>
        <source>This build has no practice sandbox.</source>
        <translation>Esta versión de la consola no incluye el entorno de práctica (Sandbox).</translation>
    </message>
    <message>
        <source>No API key is saved for it.</source>
        <translation>No hay ninguna clave de API guardada para ella.</translation>
    </message>
    <message>
        <source>Care360 refused its API key.</source>
        <translation>Care360 rechazó su clave de API.</translation>
    </message>
    <message>
        <source>%1 was skipped. %2</source>
        <translation>Se omitió %1. %2</translation>
    </message>
</context>
<context>
    <name>Care360::FollowUpsModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1, %Ln follow-up(s)</source>
        <translation>
            <numerusform>%1, %Ln seguimiento</numerusform>
            <numerusform>%1, %Ln seguimientos</numerusform>
        </translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Sin asignar</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vencimiento</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Last refreshed</source>
        <translation>Última actualización</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Care360::FollowUpsWindow</name>
    <message>
        <source>Follow-ups — Care360 Escalations</source>
        <translation>Seguimientos — Escalamientos de Care360</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Seguimientos</translation>
    </message>
    <message>
        <source>Unknown user</source>
        <translation>Usuario desconocido</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organización:</translation>
    </message>
    <message>
        <source>Assigned to &amp;me</source>
        <translation>Asignados a &amp;mí</translation>
    </message>
    <message>
        <source>Show only follow-ups assigned to me</source>
        <translation>Mostrar solo los seguimientos asignados a mí</translation>
    </message>
    <message>
        <source>&amp;Follow-ups (Enter opens the case):</source>
        <translation>&amp;Seguimientos (Intro abre el caso):</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Close Follow-ups</source>
        <translation>Cerrar Seguimientos</translation>
    </message>
    <message>
        <source>Set your Care360 e-mail in Settings › Preferences to show only the follow-ups assigned to you.</source>
        <translation>Indique su correo electrónico de Care360 en Configuración › Preferencias para mostrar solo los seguimientos asignados a usted.</translation>
    </message>
    <message>
        <source>%1 is not in the team directory nor among the assignees this console has learnt: import the team directory (File › Import team directory…) or check your e-mail in Settings › Preferences.</source>
        <translation>%1 no está en el directorio del equipo ni entre los responsables que esta consola ha aprendido: importe el directorio del equipo (Archivo › Importar directorio del equipo…) o revise su correo electrónico en Configuración › Preferencias.</translation>
    </message>
    <message>
        <source>Only the follow-ups assigned to %1.</source>
        <translation>Solo los seguimientos asignados a %1.</translation>
    </message>
    <message>
        <source>All organisations</source>
        <translation>Todas las organizaciones</translation>
    </message>
    <message>
        <source>Reading the follow-ups kept on this computer…</source>
        <translation>Leyendo los seguimientos guardados en esta computadora…</translation>
    </message>
    <message>
        <source>No follow-ups yet: they appear here for cases the console has listed, once one of their escalations has a follow-up date. Open a case to begin.</source>
        <translation>Todavía no hay seguimientos: aparecen aquí para los casos que la consola ha listado, en cuanto uno de sus escalamientos tiene fecha de seguimiento. Abra un caso para comenzar.</translation>
    </message>
    <message>
        <source>No follow-ups match: choose All organisations or clear Assigned to me.</source>
        <translation>Ningún seguimiento coincide: elija Todas las organizaciones o desmarque Asignados a mí.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln follow-up(s) shown; the case listed longest ago was last refreshed %1.</source>
        <translation>
            <numerusform>Se muestra %Ln seguimiento; el caso listado hace más tiempo se actualizó por última vez el %1.</numerusform>
            <numerusform>Se muestran %Ln seguimientos; el caso listado hace más tiempo se actualizó por última vez el %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Grouped by when they are due. Enter opens the case with a fresh listing.</source>
        <translation>Agrupados según cuándo vencen. Intro abre el caso y lo vuelve a listar.</translation>
    </message>
</context>
<context>
    <name>Care360::JournalKey</name>
    <message>
        <source>Unsent changes will not survive a restart: the encryption library could not start.</source>
        <translation>Los cambios sin enviar no se conservarán al reiniciar: no se pudo iniciar la biblioteca de cifrado.</translation>
    </message>
    <message>
        <source>Unsent changes will not survive a restart: the keychain entry “%1” is damaged. Remove it to start a new one.</source>
        <translation>Los cambios sin enviar no se conservarán al reiniciar: la entrada “%1” del llavero está dañada. Elimínela para crear una nueva.</translation>
    </message>
    <message>
        <source>the keychain is locked</source>
        <translation>el llavero está bloqueado</translation>
    </message>
    <message>
        <source>access to the keychain was denied</source>
        <translation>se denegó el acceso al llavero</translation>
    </message>
    <message>
        <source>no keychain is available</source>
        <translation>no hay ningún llavero disponible</translation>
    </message>
    <message>
        <source>the keychain reported an error (%1)</source>
        <translation>el llavero informó un error (%1)</translation>
    </message>
    <message>
        <source>Unsent changes will not survive a restart: %1, and notes are never stored on disk unencrypted.</source>
        <translation>Los cambios sin enviar no se conservarán al reiniciar: %1, y las notas nunca se guardan en el disco sin cifrar.</translation>
    </message>
</context>
<context>
    <name>Care360::MainWindow</name>
    <message>
        <source>Care360 Escalations</source>
        <translation>Care360 Escalations</translation>
    </message>
    <message>
        <source>No API key is saved for %1 yet: enter one to open its cases.</source>
        <translation>Todavía no hay una clave de API guardada para %1: ingrese una para abrir sus casos.</translation>
    </message>
    <message>
        <source>Keep unsent changes?</source>
        <translation>¿Conservar los cambios sin enviar?</translation>
    </message>
    <message>
        <source>Discard unsent changes?</source>
        <translation>¿Descartar los cambios sin enviar?</translation>
    </message>
    <message>
        <source>&amp;Keep for next time</source>
        <translation>&amp;Conservar para la próxima vez</translation>
    </message>
    <message>
        <source>Loading another case closes this one.</source>
        <translation>Al cargar otro caso se cierra este.</translation>
    </message>
    <message>
        <source>Talking to %1…</source>
        <translation>Comunicándose con %1…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) saved at %1</source>
        <translation>
            <numerusform>%Ln cambio guardado a las %1</numerusform>
            <numerusform>%Ln cambios guardados a las %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No pending changes</source>
        <translation>Sin cambios pendientes</translation>
    </message>
    <message numerus="yes">
        <source>%Ln pending change(s)</source>
        <translation>
            <numerusform>%Ln cambio pendiente</numerusform>
            <numerusform>%Ln cambios pendientes</numerusform>
        </translation>
    </message>
    <message>
        <source>Closing the console.</source>
        <translation>Cerrando la consola.</translation>
    </message>
    <message numerus="yes">
        <source>You have %Ln unsent change(s) on case %1.</source>
        <translation>
            <numerusform>Tiene %Ln cambio sin enviar en el caso %1.</numerusform>
            <numerusform>Tiene %Ln cambios sin enviar en el caso %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Kept changes come back the next time you open this case on this computer.</source>
        <translation>Los cambios conservados vuelven la próxima vez que abra este caso en esta computadora.</translation>
    </message>
    <message>
        <source>They cannot be kept for next time on this computer.</source>
        <translation>No se pueden conservar para la próxima vez en esta computadora.</translation>
    </message>
    <message>
        <source>Unsent changes</source>
        <translation>Cambios sin enviar</translation>
    </message>
    <message>
        <source>&amp;Send now</source>
        <translation>&amp;Enviar ahora</translation>
    </message>
    <message numerus="yes">
        <source>Restored %Ln unsent change(s) from %1. Send them with Ctrl+Return, or discard them.</source>
        <translation>
            <numerusform>Se restauró %Ln cambio sin enviar guardado el %1. Envíelo con Ctrl+Intro, o descártelo.</numerusform>
            <numerusform>Se restauraron %Ln cambios sin enviar guardados el %1. Envíelos con Ctrl+Intro, o descártelos.</numerusform>
        </translation>
    </message>
    <message>
        <source>No case open. Type a case ID above (Ctrl+L) or pick a demo case from its list (Alt+Down).</source>
        <translation>No hay ningún caso abierto. Escriba un ID de caso arriba (Ctrl+L) o elija un caso de demostración de su lista (Alt+Abajo).</translation>
    </message>
    <message>
        <source>No case open on %1. Type or paste a case ID above (Ctrl+L).</source>
        <translation>No hay ningún caso abierto en %1. Escriba o pegue un ID de caso arriba (Ctrl+L).</translation>
    </message>
    <message numerus="yes">
        <source>Case %1 on %2: %Ln active escalation(s)</source>
        <translation>
            <numerusform>Caso %1 en %2: %Ln escalamiento activo</numerusform>
            <numerusform>Caso %1 en %2: %Ln escalamientos activos</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ac&amp;tualizar</translation>
    </message>
    <message>
        <source>&amp;Send changes</source>
        <translation>&amp;Enviar cambios</translation>
    </message>
    <message>
        <source>&amp;Cancel request</source>
        <translation>&amp;Cancelar solicitud</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>Re&amp;vert selected</source>
        <translation>Re&amp;vertir la selección</translation>
    </message>
    <message>
        <source>Revert &amp;all changes</source>
        <translation>Revertir &amp;todos los cambios</translation>
    </message>
    <message>
        <source>F&amp;ilter…</source>
        <translation>F&amp;iltrar…</translation>
    </message>
    <message>
        <source>&amp;API key…</source>
        <translation>C&amp;lave de API…</translation>
    </message>
    <message>
        <source>&amp;About Care360 Escalations</source>
        <translation>&amp;Acerca de Care360 Escalations</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>About Care360 Escalations</source>
        <translation>Acerca de Care360 Escalations</translation>
    </message>
    <message>
        <source>&lt;b&gt;Care360 Escalations Console&lt;/b&gt; %1&lt;br&gt;Keeps case escalations current through Care360&apos;s UPDATE_ESCALATION API.&lt;br&gt;Qt %2</source>
        <translation>&lt;b&gt;Consola Care360 Escalations&lt;/b&gt; %1&lt;br&gt;Mantiene al día los escalamientos de los casos mediante la API UPDATE_ESCALATION de Care360.&lt;br&gt;Qt %2</translation>
    </message>
    <message>
        <source>Filter escalations</source>
        <translation>Filtrar escalamientos</translation>
    </message>
    <message>
        <source>Filter by title, note or assignee (Ctrl+F)</source>
        <translation>Filtrar por título, nota o responsable (Ctrl+F)</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>Borrar el filtro</translation>
    </message>
    <message>
        <source>Only &amp;pending</source>
        <translation>Solo &amp;pendientes</translation>
    </message>
    <message>
        <source>Show only rows with pending changes</source>
        <translation>Mostrar solo las filas con cambios pendientes</translation>
    </message>
    <message>
        <source>Only &amp;overdue</source>
        <translation>S&amp;olo vencidos</translation>
    </message>
    <message>
        <source>Show only overdue escalations</source>
        <translation>Mostrar solo los escalamientos vencidos</translation>
    </message>
    <message>
        <source>Active escalations</source>
        <translation>Escalamientos activos</translation>
    </message>
    <message>
        <source>Pending changes</source>
        <translation>Cambios pendientes</translation>
    </message>
    <message>
        <source>Request in progress</source>
        <translation>Solicitud en curso</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel request</source>
        <translation>Cancelar solicitud</translation>
    </message>
    <message>
        <source>Revert all</source>
        <translation>Revertir todo</translation>
    </message>
    <message>
        <source>Revert all changes</source>
        <translation>Revertir todos los cambios</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>E&amp;nviar</translation>
    </message>
    <message>
        <source>Send changes</source>
        <translation>Enviar cambios</translation>
    </message>
    <message>
        <source>&amp;Import team directory…</source>
        <translation>&amp;Importar directorio del equipo…</translation>
    </message>
    <message>
        <source>Set a&amp;ssignee of selected rows…</source>
        <translation>&amp;Asignar responsable a las filas seleccionadas…</translation>
    </message>
    <message>
        <source>Set &amp;follow-up of selected rows…</source>
        <translation>Definir &amp;seguimiento de las filas seleccionadas…</translation>
    </message>
    <message>
        <source>Add a &amp;line to selected notes…</source>
        <translation>Agregar una lí&amp;nea a las notas seleccionadas…</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>&amp;Caso</translation>
    </message>
    <message>
        <source>&amp;Open case…</source>
        <translation>&amp;Abrir caso…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Sort by</source>
        <translation>&amp;Ordenar por</translation>
    </message>
    <message>
        <source>&amp;Follow-up due</source>
        <translation>&amp;Fecha de seguimiento</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Título</translation>
    </message>
    <message>
        <source>&amp;Assignee</source>
        <translation>&amp;Responsable</translation>
    </message>
    <message>
        <source>&amp;Created</source>
        <translation>&amp;Creado</translation>
    </message>
    <message>
        <source>&amp;Updated</source>
        <translation>&amp;Actualizado</translation>
    </message>
    <message>
        <source>&amp;Descending</source>
        <translation>&amp;Descendente</translation>
    </message>
    <message>
        <source>&amp;Activity log</source>
        <translation>&amp;Registro de actividad</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>Import team directory</source>
        <translation>Importar directorio del equipo</translation>
    </message>
    <message>
        <source>Team directory (*.csv *.json);;All files (*)</source>
        <translation>Directorio del equipo (*.csv *.json);;Todos los archivos (*)</translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln person(s); assignees now show by name.</source>
        <translation>
            <numerusform>Se importó %Ln persona; los responsables ahora se muestran por nombre.</numerusform>
            <numerusform>Se importaron %Ln personas; los responsables ahora se muestran por nombre.</numerusform>
        </translation>
    </message>
    <message>
        <source>Follow-up in the past</source>
        <translation>Seguimiento en el pasado</translation>
    </message>
    <message numerus="yes">
        <source>%Ln follow-up date(s) you are sending lie in the past. Send anyway?</source>
        <translation>
            <numerusform>%Ln fecha de seguimiento que está enviando ya pasó. ¿Enviar de todos modos?</numerusform>
            <numerusform>%Ln fechas de seguimiento que está enviando ya pasaron. ¿Enviar de todos modos?</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Send anyway</source>
        <translation>&amp;Enviar de todos modos</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>Se muestran %1 de %2</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>More toolbar items</source>
        <translation>Más elementos de la barra de herramientas</translation>
    </message>
    <message>
        <source>Menu bar</source>
        <translation>Barra de menús</translation>
    </message>
    <message>
        <source>Opening another case closes this one.</source>
        <translation>Abrir otro caso cierra este.</translation>
    </message>
    <message>
        <source>Case %1 — %2 — Care360 Escalations</source>
        <translation>Caso %1 — %2 — Escalamientos de Care360</translation>
    </message>
    <message>
        <source>&amp;New window</source>
        <translation>&amp;Nueva ventana</translation>
    </message>
    <message>
        <source>&amp;Close window</source>
        <translation>&amp;Cerrar ventana</translation>
    </message>
    <message>
        <source>&amp;Keep my value (conflict)</source>
        <translation>Conservar &amp;mi valor (conflicto)</translation>
    </message>
    <message>
        <source>&amp;Take their value (conflict)</source>
        <translation>&amp;Usar el valor de Care360 (conflicto)</translation>
    </message>
    <message>
        <source>Care360 Escalations — %1</source>
        <translation>Escalamientos de Care360 — %1</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>Con&amp;figuración</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) selected</source>
        <translation>
            <numerusform>%Ln fila seleccionada</numerusform>
            <numerusform>%Ln filas seleccionadas</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Follow-ups…</source>
        <translation>&amp;Seguimientos…</translation>
    </message>
    <message>
        <source>Follo&amp;w-ups…</source>
        <translation>&amp;Seguimientos…</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Seguimientos</translation>
    </message>
    <message>
        <source>What is due across the cases this console has listed</source>
        <translation>Lo que vence en los casos que esta consola ha listado</translation>
    </message>
    <message>
        <source>&amp;Columns</source>
        <translation>&amp;Columnas</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>&amp;Tipo</translation>
    </message>
    <message>
        <source>Cell &amp;details</source>
        <translation>Detalles de la ce&amp;lda</translation>
    </message>
    <message>
        <source>Switching organisation closes the open case.</source>
        <translation>Cambiar de organización cierra el caso abierto.</translation>
    </message>
    <message>
        <source>This case may belong to another organisation: it was opened before with %1.</source>
        <translation>Es posible que este caso pertenezca a otra organización: antes se abrió con %1.</translation>
    </message>
    <message>
        <source>Which organisation?</source>
        <translation>¿Qué organización?</translation>
    </message>
    <message>
        <source>Case %1 was last opened with %2, not %3. Open it with %2?</source>
        <translation>El caso %1 se abrió por última vez con %2, no con %3. ¿Abrirlo con %2?</translation>
    </message>
    <message>
        <source>Open with %1</source>
        <translation>Abrir con %1</translation>
    </message>
    <message>
        <source>&amp;Organisations…</source>
        <translation>Organi&amp;zaciones…</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organización</translation>
    </message>
</context>
<context>
    <name>Care360::NetworkPreferencesPage</name>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>Use the &amp;system&apos;s proxy settings</source>
        <translation>Usar la configuración de proxy del siste&amp;ma</translation>
    </message>
    <message>
        <source>Use the system&apos;s proxy settings</source>
        <translation>Usar la configuración de proxy del sistema</translation>
    </message>
    <message>
        <source>No pro&amp;xy</source>
        <translation>Si&amp;n proxy</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>Sin proxy</translation>
    </message>
    <message>
        <source>Use &amp;this proxy:</source>
        <translation>Usar es&amp;te proxy:</translation>
    </message>
    <message>
        <source>Use this proxy</source>
        <translation>Usar este proxy</translation>
    </message>
    <message>
        <source>Proxy host name</source>
        <translation>Nombre del servidor proxy</translation>
    </message>
    <message>
        <source>proxy.example.org</source>
        <translation>proxy.example.org</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>Ser&amp;vidor:</translation>
    </message>
    <message>
        <source>Proxy port</source>
        <translation>Puerto del proxy</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>sin definir</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Puerto:</translation>
    </message>
    <message>
        <source>CA bundle file</source>
        <translation>Archivo de CA</translation>
    </message>
    <message>
        <source>None: only the system&apos;s certificate authorities</source>
        <translation>Ninguno: solo las autoridades de certificación del sistema</translation>
    </message>
    <message>
        <source>Organisation certificate &amp;authorities (CA bundle file):</source>
        <translation>&amp;Autoridades de certificación de la organización (archivo de CA):</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>Examinar</translation>
    </message>
    <message>
        <source>Choose the CA bundle file</source>
        <translation>Elegir el archivo de CA</translation>
    </message>
    <message>
        <source>Needed only when your organisation&apos;s proxy inspects encrypted connections (TLS inspection): your IT department has the file, in PEM or DER format. The system&apos;s own authorities stay trusted.</source>
        <translation>Solo hace falta si el proxy de su organización inspecciona las conexiones cifradas (inspección TLS): su departamento de TI tiene el archivo, en formato PEM o DER. Las autoridades del propio sistema siguen siendo de confianza.</translation>
    </message>
    <message>
        <source>Request time limit in seconds</source>
        <translation>Límite de tiempo por solicitud, en segundos</translation>
    </message>
    <message>
        <source>Request time &amp;limit (seconds):</source>
        <translation>&amp;Límite de tiempo por solicitud (segundos):</translation>
    </message>
    <message>
        <source>Enter the proxy&apos;s host name, or choose another proxy setting.</source>
        <translation>Escriba el nombre del servidor proxy o elija otra configuración de proxy.</translation>
    </message>
    <message>
        <source>Enter only the proxy&apos;s host name, such as proxy.example.org, without http:// or a port.</source>
        <translation>Escriba solo el nombre del servidor proxy, como proxy.example.org, sin http:// ni puerto.</translation>
    </message>
    <message>
        <source>Enter the proxy&apos;s port, such as 3128 or 8080.</source>
        <translation>Escriba el puerto del proxy, como 3128 u 8080.</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;PEM certificates (*.pem *.crt *.cer);;DER certificates (*.der *.cer *.crt);;All files (*)</source>
        <translation>Certificados (*.pem *.crt *.cer *.der);;Certificados PEM (*.pem *.crt *.cer);;Certificados DER (*.der *.cer *.crt);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>Care360::NetworkSetup</name>
    <message>
        <source>The certificate authority file %1 cannot be read.</source>
        <translation>No se puede leer el archivo de autoridad de certificación %1.</translation>
    </message>
    <message>
        <source>The certificate authority file %1 holds no certificate (PEM or DER).</source>
        <translation>El archivo de autoridad de certificación %1 no contiene ningún certificado (PEM o DER).</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>No existe el archivo %1.</translation>
    </message>
    <message>
        <source>The certificate authority directory %1 holds no certificate (PEM or DER).</source>
        <translation>El directorio de autoridades de certificación %1 no contiene ningún certificado (PEM o DER).</translation>
    </message>
</context>
<context>
    <name>Care360::OutcomePresenter</name>
    <message>
        <source>Nothing was saved.</source>
        <translation>No se guardó nada.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) saved to Care360.</source>
        <translation>
            <numerusform>%Ln cambio guardado en Care360.</numerusform>
            <numerusform>%Ln cambios guardados en Care360.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Someone else changed %Ln field(s) you are editing on Care360; each is marked Conflict. Keep yours or take theirs before sending.</source>
        <translation>
            <numerusform>Otra persona cambió en Care360 %Ln campo que usted está editando; está marcado como Conflicto. Conserve su valor o use el de Care360 antes de enviar.</numerusform>
            <numerusform>Otra persona cambió en Care360 %Ln campos que usted está editando; cada uno está marcado como Conflicto. Conserve su valor o use el de Care360 antes de enviar.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Care360::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>Preferences pages</source>
        <translation>Páginas de preferencias</translation>
    </message>
    <message>
        <source>&amp;Network</source>
        <translation>&amp;Red</translation>
    </message>
    <message>
        <source>&amp;Follow-ups</source>
        <translation>&amp;Seguimientos</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Default hour for new follow-up dates</source>
        <translation>Hora predeterminada de las nuevas fechas de seguimiento</translation>
    </message>
    <message>
        <source>Due soon window in hours</source>
        <translation>Margen de “vence pronto”, en horas</translation>
    </message>
    <message>
        <source>Default &amp;hour for new follow-up dates:</source>
        <translation>&amp;Hora predeterminada de las nuevas fechas de seguimiento:</translation>
    </message>
    <message>
        <source>A date typed without a time, such as “tomorrow”, gets this hour.</source>
        <translation>Una fecha escrita sin hora, como “mañana”, recibe esta hora.</translation>
    </message>
    <message>
        <source>Due &amp;soon window (hours):</source>
        <translation>&amp;Margen de “vence pronto” (horas):</translation>
    </message>
    <message>
        <source>Follow-ups due within this many hours are marked “due soon”.</source>
        <translation>Los seguimientos que vencen dentro de este número de horas se marcan como “vence pronto”.</translation>
    </message>
    <message>
        <source>Ask before sending to &amp;Production</source>
        <translation>Preguntar antes de enviar a &amp;Producción</translation>
    </message>
    <message>
        <source>Ask before sending to Production</source>
        <translation>Preguntar antes de enviar a Producción</translation>
    </message>
    <message>
        <source>List the case again just before sending</source>
        <translation>Volver a listar el caso justo antes de enviar</translation>
    </message>
    <message>
        <source>Console language</source>
        <translation>Idioma de la consola</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>I&amp;dioma:</translation>
    </message>
    <message>
        <source>The console changes language the next time it starts.</source>
        <translation>La consola cambia de idioma la próxima vez que se inicia.</translation>
    </message>
    <message>
        <source>&amp;List the case again just before sending</source>
        <translation>Volver a &amp;listar el caso justo antes de enviar</translation>
    </message>
    <message>
        <source>Finds a colleague&apos;s change first, so that it is not overwritten unseen.</source>
        <translation>Encuentra antes el cambio de un colega, para que no se sobrescriba sin que usted lo vea.</translation>
    </message>
    <message>
        <source>&amp;Remind me when a follow-up comes due</source>
        <translation>A&amp;visarme cuando venza un seguimiento</translation>
    </message>
    <message>
        <source>Remind me when a follow-up comes due</source>
        <translation>Avisarme cuando venza un seguimiento</translation>
    </message>
    <message>
        <source>Keep follow-ups of cases listed within this many days</source>
        <translation>Conservar los seguimientos de los casos listados dentro de este número de días</translation>
    </message>
    <message>
        <source>Refresh all: cases listed per minute at most</source>
        <translation>Actualizar todo: casos listados por minuto como máximo</translation>
    </message>
    <message>
        <source>My Care360 e-mail</source>
        <translation>Mi correo electrónico de Care360</translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation>usted@example.com</translation>
    </message>
    <message>
        <source>A desktop notification names the escalation&apos;s title, the organisation and the time, never a note.</source>
        <translation>Una notificación de escritorio indica el título del escalamiento, la organización y la hora, nunca una nota.</translation>
    </message>
    <message>
        <source>&amp;Keep follow-ups of cases listed within (days):</source>
        <translation>C&amp;onservar los seguimientos de casos listados en los últimos (días):</translation>
    </message>
    <message>
        <source>Refresh all: cases &amp;per minute at most:</source>
        <translation>Actualizar todo: casos &amp;por minuto como máximo:</translation>
    </message>
    <message>
        <source>&amp;My Care360 e-mail:</source>
        <translation>Mi correo &amp;electrónico de Care360:</translation>
    </message>
    <message>
        <source>“Assigned to me” in the Follow-ups view and the CLI&apos;s due --mine.</source>
        <translation>“Asignados a mí” en la vista Seguimientos y due --mine en la CLI.</translation>
    </message>
    <message>
        <source>“%1” is not an e-mail address: type the one you sign in to Care360 with, or leave it empty.</source>
        <translation>“%1” no es una dirección de correo electrónico: escriba la que usa para iniciar sesión en Care360, o deje el campo vacío.</translation>
    </message>
    <message>
        <source>S&amp;tart the console when I log in</source>
        <translation>Abrir la consola al i&amp;niciar sesión</translation>
    </message>
    <message>
        <source>Start the console when I log in</source>
        <translation>Abrir la consola al iniciar sesión</translation>
    </message>
    <message>
        <source>Reminders arrive only while the console runs.</source>
        <translation>Los recordatorios solo llegan mientras la consola está abierta.</translation>
    </message>
    <message>
        <source>Conf&amp;irmations</source>
        <translation>Con&amp;firmaciones</translation>
    </message>
</context>
<context>
    <name>Care360::Profile</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>Care360::ProfilesDialog</name>
    <message>
        <source>Organisations</source>
        <translation>Organizaciones</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Entorno</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Agregar</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>Cambiar &amp;nombre</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Cambiar nombre</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Quitar…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Custom URL</source>
        <translation>URL personalizada</translation>
    </message>
    <message>
        <source>Care360 gives each organisation its own API key. Add one organisation for each client you serve; the selector in the toolbar switches between them.</source>
        <translation>Care360 da a cada organización su propia clave de API. Agregue una organización por cada cliente que atiende; el selector de la barra de herramientas cambia entre ellas.</translation>
    </message>
    <message>
        <source>&amp;Organisations:</source>
        <translation>&amp;Organizaciones:</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>Nom&amp;bre:</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Entorno:</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>Di&amp;rección:</translation>
    </message>
    <message>
        <source>Enter the address of the Care360 API, such as https://care360.example.org.</source>
        <translation>Ingrese la dirección de la API de Care360, por ejemplo https://care360.example.org.</translation>
    </message>
    <message>
        <source>%1 was added. Choose it in the toolbar and enter its API key.</source>
        <translation>Se agregó %1. Elíjala en la barra de herramientas e ingrese su clave de API.</translation>
    </message>
    <message>
        <source>Renamed to %1.</source>
        <translation>Se cambió el nombre a %1.</translation>
    </message>
    <message>
        <source>%1 is open in a window. Switch that window to another organisation first, so that no unsent change is left without its organisation.</source>
        <translation>%1 está abierta en una ventana. Cambie primero esa ventana a otra organización, para que ningún cambio sin enviar quede sin su organización.</translation>
    </message>
    <message>
        <source>Remove organisation</source>
        <translation>Quitar organización</translation>
    </message>
    <message>
        <source>Remove %1? Its API key is deleted from the system keychain, and its recent cases and team directory from this computer.</source>
        <translation>¿Quitar %1? Su clave de API se borra del llavero del sistema, y sus casos recientes y su directorio del equipo de esta computadora.</translation>
    </message>
    <message>
        <source>%1 was not removed: %2</source>
        <translation>No se quitó %1: %2</translation>
    </message>
    <message>
        <source>%1 and its API key were removed.</source>
        <translation>Se quitaron %1 y su clave de API.</translation>
    </message>
    <message>
        <source>The API key of %1 was deleted, but the organisation stays in the list. %2</source>
        <translation>Se borró la clave de API de %1, pero la organización sigue en la lista. %2</translation>
    </message>
</context>
<context>
    <name>Care360::ProxyLoginDialog</name>
    <message>
        <source>Proxy login</source>
        <translation>Credenciales del proxy</translation>
    </message>
    <message>
        <source>The proxy %1 did not accept that login. Enter it again.</source>
        <translation>El proxy %1 no aceptó esas credenciales. Ingréselas de nuevo.</translation>
    </message>
    <message>
        <source>The proxy %1 asks for a login before anything reaches Care360.</source>
        <translation>El proxy %1 pide credenciales antes de que algo llegue a Care360.</translation>
    </message>
    <message>
        <source>It is kept in the system keychain, not asked again.</source>
        <translation>Se guardan en el llavero del sistema y no se vuelven a pedir.</translation>
    </message>
    <message>
        <source>Proxy user name</source>
        <translation>Nombre de usuario del proxy</translation>
    </message>
    <message>
        <source>Proxy password</source>
        <translation>Contraseña del proxy</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
</context>
<context>
    <name>Care360::RefreshAllBar</name>
    <message>
        <source>&amp;Refresh all</source>
        <translation>&amp;Actualizar todo</translation>
    </message>
    <message>
        <source>Refresh all</source>
        <translation>Actualizar todo</translation>
    </message>
    <message numerus="yes">
        <source>Lists every case again, at most %Ln a minute, so that Care360 is not flooded.</source>
        <translation>
            <numerusform>Vuelve a listar todos los casos, como máximo %Ln por minuto, para no saturar Care360.</numerusform>
            <numerusform>Vuelve a listar todos los casos, como máximo %Ln por minuto, para no saturar Care360.</numerusform>
        </translation>
    </message>
    <message>
        <source>Refresh progress</source>
        <translation>Progreso de la actualización</translation>
    </message>
    <message>
        <source>&amp;Stop refreshing</source>
        <translation>&amp;Detener la actualización</translation>
    </message>
    <message>
        <source>Stop refreshing</source>
        <translation>Detener la actualización</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Listing case %1…</source>
        <translation>Listando el caso %1…</translation>
    </message>
</context>
<context>
    <name>Care360::SendConfirmationDialog</name>
    <message>
        <source>Don&apos;t ask again before sending to Production</source>
        <translation>No volver a preguntar antes de enviar a Producción</translation>
    </message>
    <message>
        <source>Changes to send</source>
        <translation>Cambios para enviar</translation>
    </message>
    <message>
        <source>note</source>
        <translation>nota</translation>
    </message>
    <message>
        <source>follow-up date</source>
        <translation>fecha de seguimiento</translation>
    </message>
    <message>
        <source>assignee</source>
        <translation>responsable</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>&amp;Send to Production</source>
        <translation>&amp;Enviar a Producción</translation>
    </message>
    <message>
        <source>Send to %1 on Production?</source>
        <translation>¿Enviar a %1 en Producción?</translation>
    </message>
    <message numerus="yes">
        <source>These changes to case %1 of %2 will be saved on the live Care360 system (%Ln escalation(s)):</source>
        <translation>
            <numerusform>Estos cambios al caso %1 de %2 se guardarán en el sistema real de Care360 (%Ln escalamiento):</numerusform>
            <numerusform>Estos cambios al caso %1 de %2 se guardarán en el sistema real de Care360 (%Ln escalamientos):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Care360::TeamDirectoryFile</name>
    <message>
        <source>The file is neither CSV with a userId,email header nor a JSON array of people.</source>
        <translation>El archivo no es ni un CSV con el encabezado userId,email ni un arreglo JSON de personas.</translation>
    </message>
    <message>
        <source>Entry %1</source>
        <translation>Entrada %1</translation>
    </message>
    <message>
        <source>%1 needs &quot;userId&quot; and &quot;email&quot; as text.</source>
        <translation>%1 necesita &quot;userId&quot; y &quot;email&quot; como texto.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>El archivo está vacío.</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>Fila %1</translation>
    </message>
    <message>
        <source>The file is larger than %1 MiB; a team directory is far smaller.</source>
        <translation>El archivo ocupa más de %1 MiB; un directorio del equipo es mucho más pequeño.</translation>
    </message>
    <message>
        <source>The file lists more than %1 people.</source>
        <translation>El archivo incluye más de %1 personas.</translation>
    </message>
    <message>
        <source>The file lists nobody.</source>
        <translation>El archivo no incluye a nadie.</translation>
    </message>
    <message>
        <source>user ID</source>
        <translation>ID de usuario</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>correo electrónico</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>role</source>
        <translation>rol</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>The first row names the %1 column twice: %2 and %3.</source>
        <translation>La primera fila nombra dos veces la columna de %1: %2 y %3.</translation>
    </message>
    <message>
        <source>The first row holds a user ID or an e-mail address where the column names belong: add a first row that names the columns, such as userId, email, name and role.</source>
        <translation>La primera fila contiene un ID de usuario o una dirección de correo electrónico donde deben ir los nombres de las columnas: agregue una primera fila que nombre las columnas, por ejemplo Id de usuario, Correo electrónico, Nombre y Rol.</translation>
    </message>
    <message>
        <source>The first row has neither a user ID column (%1) nor an e-mail column (%2); it has %3.</source>
        <translation>La primera fila no tiene columna de ID de usuario (%1) ni de correo electrónico (%2); tiene %3.</translation>
    </message>
    <message>
        <source>The first row has no %1 column (%2); it has %3.</source>
        <translation>La primera fila no tiene columna de %1 (%2); tiene %3.</translation>
    </message>
    <message>
        <source>the %1 cell</source>
        <translation>la celda %1</translation>
    </message>
    <message>
        <source>the &quot;%1&quot; value</source>
        <translation>el valor &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Row %1: the same user ID as row %2.</source>
        <translation>Fila %1: el mismo ID de usuario que la fila %2.</translation>
    </message>
    <message>
        <source>Entry %1: the same user ID as entry %2.</source>
        <translation>Entrada %1: el mismo ID de usuario que la entrada %2.</translation>
    </message>
    <message>
        <source>%1: %2 is empty.</source>
        <translation>%1: %2 no tiene contenido.</translation>
    </message>
    <message>
        <source>%1: %2 is not a Care360 user ID (a UUID).</source>
        <translation>%1: %2 no es un ID de usuario de Care360 (un UUID).</translation>
    </message>
    <message>
        <source>%1: %2 is not an e-mail address.</source>
        <translation>%1: %2 no es una dirección de correo electrónico.</translation>
    </message>
    <message>
        <source>%1: %2 is not a Care360 role (%3).</source>
        <translation>%1: %2 no es un rol de Care360 (%3).</translation>
    </message>
</context>
<context>
    <name>Care360::UnsentWorkList</name>
    <message>
        <source>&amp;Unsent changes kept on this computer (Enter opens a case):</source>
        <translation>Cam&amp;bios sin enviar guardados en esta computadora (Intro abre un caso):</translation>
    </message>
    <message>
        <source>Unsent changes kept on this computer</source>
        <translation>Cambios sin enviar guardados en esta computadora</translation>
    </message>
    <message numerus="yes">
        <source>Case %1 on %2: %Ln escalation(s) with unsent changes, last changed %3</source>
        <translation>
            <numerusform>Caso %1 en %2: %Ln escalamiento con cambios sin enviar, último cambio %3</numerusform>
            <numerusform>Caso %1 en %2: %Ln escalamientos con cambios sin enviar, último cambio %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CliDirectory</name>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>No se importó nada: %1</translation>
    </message>
    <message>
        <source>The team directory could not be saved in %1.</source>
        <translation>No se pudo guardar el directorio del equipo en %1.</translation>
    </message>
    <message>
        <source>Team directory imported into %1 (people: %2); the console shows it too.</source>
        <translation>Directorio del equipo importado en %1 (personas: %2); la consola también lo muestra.</translation>
    </message>
    <message>
        <source>The team directory is empty; import one with &quot;directory import FILE&quot;.</source>
        <translation>El directorio del equipo está vacío; importe uno con &quot;directory import ARCHIVO&quot;.</translation>
    </message>
    <message>
        <source>USER ID</source>
        <translation>ID DE USUARIO</translation>
    </message>
    <message>
        <source>E-MAIL</source>
        <translation>CORREO</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOMBRE</translation>
    </message>
</context>
<context>
    <name>CliDue</name>
    <message>
        <source>None of the follow-ups kept on this computer matches.</source>
        <translation>Ninguno de los seguimientos guardados en esta computadora coincide.</translation>
    </message>
    <message>
        <source>No follow-ups are kept on this computer.</source>
        <translation>No hay seguimientos guardados en esta computadora.</translation>
    </message>
    <message>
        <source>They are kept from the cases the console, or this command&apos;s list and update, have listed.</source>
        <translation>Se guardan a partir de los casos que han consultado la consola, o list y update de este comando.</translation>
    </message>
    <message>
        <source>--mine needs your own Care360 e-mail, and none is set: enter it in the console under Settings &gt; Preferences &gt; Follow-ups, or set followUps/myEmail in %1.</source>
        <translation>--mine necesita su propio correo electrónico de Care360, y no hay ninguno definido: ingréselo en la consola en Configuración &gt; Preferencias &gt; Seguimientos, o defina followUps/myEmail en %1.</translation>
    </message>
    <message>
        <source>--mine: neither the team directory nor the e-mails learnt from reassignments know the user ID of %1. Import the team directory with &quot;directory import FILE&quot;.</source>
        <translation>--mine: ni el directorio del equipo ni los correos electrónicos aprendidos de las reasignaciones conocen el ID de usuario de %1. Importe el directorio del equipo con &quot;directory import ARCHIVO&quot;.</translation>
    </message>
</context>
<context>
    <name>CliFiles</name>
    <message>
        <source>Cannot read standard input: %1.</source>
        <translation>No se puede leer la entrada estándar: %1.</translation>
    </message>
    <message>
        <source>Cannot read the file given to %1: %2.</source>
        <translation>No se puede leer el archivo indicado en %1: %2.</translation>
    </message>
</context>
<context>
    <name>CliFollowUps</name>
    <message>
        <source>Warning: this answer was not kept for due and the console&apos;s Follow-ups view. %1</source>
        <translation>Aviso: esta respuesta no se guardó para due ni para la vista Seguimientos de la consola. %1</translation>
    </message>
</context>
<context>
    <name>CliOptionsParser</name>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 necesita un valor.</translation>
    </message>
    <message>
        <source>--json is --format json; it cannot be combined with another format.</source>
        <translation>--json equivale a --format json; no se puede combinar con otro formato.</translation>
    </message>
    <message>
        <source>--from is given twice.</source>
        <translation>--from se indicó dos veces.</translation>
    </message>
    <message>
        <source>--from needs a file name.</source>
        <translation>--from necesita un nombre de archivo.</translation>
    </message>
    <message>
        <source>--note is not accepted: the note would be readable in the process list. Use --note-file FILE (&quot;-&quot; for standard input).</source>
        <translation>--note no se acepta: la nota se podría leer en la lista de procesos. Use --note-file ARCHIVO (&quot;-&quot; para la entrada estándar).</translation>
    </message>
    <message>
        <source>%1 takes no value.</source>
        <translation>%1 no admite ningún valor.</translation>
    </message>
    <message>
        <source>%1 %2 contradicts an earlier --json or --format.</source>
        <translation>%1 %2 contradice un --json o --format anterior.</translation>
    </message>
    <message>
        <source>%1 must follow the --escalation it changes.</source>
        <translation>%1 debe ir después del --escalation que modifica.</translation>
    </message>
    <message>
        <source>--follow-up needs a date and time, e.g. 2025-06-15T09:00:00Z or 2025-06-15 09:00 (local time).</source>
        <translation>--follow-up necesita una fecha y hora, p. ej. 2025-06-15T09:00:00Z o 2025-06-15 09:00 (hora local).</translation>
    </message>
    <message>
        <source>--env %1 needs --base-url URL.</source>
        <translation>--env %1 necesita --base-url URL.</translation>
    </message>
    <message>
        <source>--base-url needs an absolute URL such as https://host.</source>
        <translation>--base-url necesita una URL absoluta, como https://host.</translation>
    </message>
    <message>
        <source>--base-url can only be used with --env sandbox or custom.</source>
        <translation>--base-url solo se puede usar con --env sandbox o custom.</translation>
    </message>
    <message>
        <source>--from is for update.</source>
        <translation>--from es para update.</translation>
    </message>
    <message>
        <source>key takes no --case or --escalation.</source>
        <translation>key no admite --case ni --escalation.</translation>
    </message>
    <message>
        <source>key needs one of set, forget or status.</source>
        <translation>key necesita set, forget o status.</translation>
    </message>
    <message>
        <source>list takes no --escalation; use update to change escalations.</source>
        <translation>list no admite --escalation; use update para cambiar escalamientos.</translation>
    </message>
    <message>
        <source>--case ID is required.</source>
        <translation>--case ID es obligatorio.</translation>
    </message>
    <message>
        <source>update prints a table, or the server&apos;s answer with --json; --format csv is for list.</source>
        <translation>update muestra una tabla, o la respuesta del servidor con --json; --format csv es para list.</translation>
    </message>
    <message>
        <source>update takes either --from FILE or --escalation groups, not both.</source>
        <translation>update admite --from ARCHIVO o grupos --escalation, no ambos.</translation>
    </message>
    <message>
        <source>update needs at least one --escalation ID, or --from FILE.</source>
        <translation>update necesita al menos un --escalation ID, o --from ARCHIVO.</translation>
    </message>
    <message>
        <source>directory takes no --case or --escalation.</source>
        <translation>directory no admite --case ni --escalation.</translation>
    </message>
    <message>
        <source>directory import needs the FILE to import (&quot;-&quot; for standard input).</source>
        <translation>directory import necesita el ARCHIVO que se importará (&quot;-&quot; para la entrada estándar).</translation>
    </message>
    <message>
        <source>directory needs import FILE or show.</source>
        <translation>directory necesita import ARCHIVO o show.</translation>
    </message>
    <message>
        <source>--accept-display-marks is for update --from.</source>
        <translation>--accept-display-marks es para update --from.</translation>
    </message>
    <message>
        <source>--timeout takes whole seconds from 1 to 3600.</source>
        <translation>--timeout acepta segundos enteros de 1 a 3600.</translation>
    </message>
    <message>
        <source>Argument %1 is not an option of this program.</source>
        <translation>El argumento %1 no es una opción de este programa.</translation>
    </message>
    <message>
        <source>Argument %1 was not expected.</source>
        <translation>No se esperaba el argumento %1.</translation>
    </message>
    <message>
        <source>%1 takes table, csv or json.</source>
        <translation>%1 acepta table, csv o json.</translation>
    </message>
    <message>
        <source>%1 is given twice for the --escalation at argument %2.</source>
        <translation>%1 aparece dos veces para el --escalation del argumento %2.</translation>
    </message>
    <message>
        <source>Cannot read the note file (argument %1): %2.</source>
        <translation>No se puede leer el archivo de la nota (argumento %1): %2.</translation>
    </message>
    <message>
        <source>Argument %1 is not an environment: use production, staging, sandbox or custom.</source>
        <translation>El argumento %1 no es un entorno: use production, staging, sandbox o custom.</translation>
    </message>
    <message>
        <source>--show-notes is for list.</source>
        <translation>--show-notes es para list.</translation>
    </message>
    <message>
        <source>--case: no case ID (8-4-4-4-12 hexadecimal digits) in argument %1.</source>
        <translation>--case: no hay un ID del caso (8-4-4-4-12 dígitos hexadecimales) en el argumento %1.</translation>
    </message>
    <message>
        <source>The --escalation at argument %1 needs --note-file, --follow-up or --assign.</source>
        <translation>El --escalation del argumento %1 necesita --note-file, --follow-up o --assign.</translation>
    </message>
    <message>
        <source>--base is given twice.</source>
        <translation>--base se indicó dos veces.</translation>
    </message>
    <message>
        <source>--base needs a file name.</source>
        <translation>--base necesita un nombre de archivo.</translation>
    </message>
    <message>
        <source>--base is for update --from: it names the list --format csv export the --from file was edited from.</source>
        <translation>--base es para update --from: indica la exportación de list --format csv a partir de la cual se editó el archivo de --from.</translation>
    </message>
    <message>
        <source>--from and --base cannot both read standard input.</source>
        <translation>--from y --base no pueden leer ambos la entrada estándar.</translation>
    </message>
    <message>
        <source>--profile needs a name.</source>
        <translation>--profile necesita un nombre.</translation>
    </message>
    <message>
        <source>--within takes a number and a unit, e.g. 90m, 12h or 30d.</source>
        <translation>--within acepta un número y una unidad, p. ej. 90m, 12h o 30d.</translation>
    </message>
    <message>
        <source>due reads the follow-ups kept on this computer, for every environment: choose one with --profile, not --env or --base-url.</source>
        <translation>due lee los seguimientos guardados en esta computadora, de todos los entornos: elija uno con --profile, no con --env ni --base-url.</translation>
    </message>
    <message>
        <source>due takes no --case or --escalation: it lists the follow-ups of every case kept on this computer.</source>
        <translation>due no admite --case ni --escalation: muestra los seguimientos de todos los casos guardados en esta computadora.</translation>
    </message>
    <message>
        <source>--from, --base, --show-notes and --accept-display-marks are not for due.</source>
        <translation>--from, --base, --show-notes y --accept-display-marks no son para due.</translation>
    </message>
    <message>
        <source>--overdue and --within cannot be combined: --within includes what is already overdue.</source>
        <translation>--overdue y --within no se pueden combinar: --within incluye lo que ya está vencido.</translation>
    </message>
    <message>
        <source>Argument %1 is not a command: use list, update, due, directory, key or profile.</source>
        <translation>El argumento %1 no es un comando: use list, update, due, directory, key o profile.</translation>
    </message>
    <message>
        <source>No command given: use list, update, due, directory, key or profile.</source>
        <translation>No se indicó ningún comando: use list, update, due, directory, key o profile.</translation>
    </message>
    <message>
        <source>--within, --overdue and --mine are for due.</source>
        <translation>--within, --overdue y --mine son para due.</translation>
    </message>
    <message>
        <source>--yes is for profile remove.</source>
        <translation>--yes es para profile remove.</translation>
    </message>
    <message>
        <source>--json and --format are for list, update, due and profile list.</source>
        <translation>--json y --format son para list, update, due y profile list.</translation>
    </message>
    <message>
        <source>profile takes no --case or --escalation.</source>
        <translation>profile no admite --case ni --escalation.</translation>
    </message>
    <message>
        <source>profile list prints a table, or JSON with --format json.</source>
        <translation>profile list imprime una tabla, o JSON con --format json.</translation>
    </message>
    <message>
        <source>profile list takes no names.</source>
        <translation>profile list no admite nombres.</translation>
    </message>
    <message>
        <source>profile add needs one NAME (quote a name with spaces).</source>
        <translation>profile add necesita un NOMBRE (ponga entre comillas un nombre con espacios).</translation>
    </message>
    <message>
        <source>profile add needs --env production, staging or custom.</source>
        <translation>profile add necesita --env production, staging o custom.</translation>
    </message>
    <message>
        <source>The sandbox&apos;s practice organisations are built into the console; profile add takes production, staging or custom.</source>
        <translation>Las organizaciones de práctica del sandbox vienen incluidas en la consola; profile add admite production, staging o custom.</translation>
    </message>
    <message>
        <source>profile rename needs NAME and NEW.</source>
        <translation>profile rename necesita NOMBRE y NUEVO.</translation>
    </message>
    <message>
        <source>profile remove needs one NAME.</source>
        <translation>profile remove necesita un NOMBRE.</translation>
    </message>
    <message>
        <source>profile needs one of list, add, rename or remove.</source>
        <translation>profile necesita list, add, rename o remove.</translation>
    </message>
    <message>
        <source>Usage:
  care360-escalations-cli [--env ENV] [--base-url URL] list --case ID
      [--format table|csv|json] [--show-notes]
  care360-escalations-cli [--env ENV] [--base-url URL] update --case ID
      --escalation ID [--note-file FILE] [--follow-up WHEN] [--assign EMAIL]
      [--escalation ID ...]                       (all groups go in one request)
  care360-escalations-cli [--env ENV] [--base-url URL] update [--case ID] --from FILE
      [--base OLD] [--accept-display-marks]       (one request per case in FILE)
  care360-escalations-cli due [--profile NAME] [--within DURATION | --overdue] [--mine]
      [--format table|csv|json]                   (from this computer; nothing is sent)
  care360-escalations-cli [--profile NAME] directory import FILE
  care360-escalations-cli [--profile NAME] directory show
  care360-escalations-cli [--profile NAME] key set|forget|status
  care360-escalations-cli profile list [--format table|json]
  care360-escalations-cli profile add NAME --env production|staging|custom [--base-url URL]
  care360-escalations-cli profile rename NAME NEW
  care360-escalations-cli profile remove NAME [--yes]

Lists and edits the active escalations of a Care360 case. Note text is printed only
where it is asked for: by list with --show-notes, or --format csv or json. The table
leaves it out, and nothing printed after an update holds any. Errors name a wrong
argument by its position (1 is the first after the program name), never by its text.

Options:
  --profile NAME   The organisation profile (name in any case, or id) on every command;
                   also CARE360_PROFILE. Without it: the profile standing for --env and
                   --base-url, else the only profile; with several and none named, the
                   command refuses and lists them (exit code 2).
  --env ENV        production (default), staging, sandbox or custom.
  --base-url URL   The server address; required with --env sandbox (the URL a running
                   care360-sandbox prints) and --env custom. Plain http:// only for loopback.
  --case ID        The case UUID, or a link or any text containing it.
  --escalation ID  Starts the changes of one escalation; the options below apply to it.
  --note-file FILE New note, read from FILE (&quot;-&quot; for standard input). There is no --note
                   TEXT: patient information never goes into the process arguments.
  --follow-up WHEN New follow-up date: ISO 8601 (2025-06-15T09:00:00Z) or &quot;DATE TIME&quot; in
                   local time (2025-06-15 09:00).
  --assign EMAIL   Reassign to this Care360 user.
  --from FILE      Takes the changes from a bulk file (&quot;-&quot; for standard input; see below).
  --base OLD       With --from: the list --format csv export that FILE was edited from.
                   Only the fields FILE changes from OLD are sent, and only if Care360
                   still holds OLD&apos;s value: a field someone changed since the export
                   refuses the whole run (see below).
  --accept-display-marks
                   With --from: send a note that looks like what a display shows (4,096
                   characters ending in &quot;…&quot;, or a symbol such as ␉ for a control
                   character) instead of refusing its row.
  --timeout SECS   The longest a request may take in all (default 60); a server that stops
                   sending for 30 s ends it sooner.
  --ca-file FILE   Also trust the certificate authorities in FILE (PEM or DER), e.g. the
                   one a company proxy that inspects secure traffic signs with. Those of
                   SSL_CERT_FILE, SSL_CERT_DIR and the console&apos;s Preferences are added too; the
                   system&apos;s stay trusted and verification is never turned off.
  --format FORMAT  How list prints: table (the default; assignees by name or e-mail when
                   the team directory knows them; no notes), csv or json.
                   csv: RFC 4180 with the header escalationId,type,title,note,followUpDueAt,
                   assignedToUserId,assignee (dates in UTC ISO 8601). Every value is the
                   stored text exactly, whatever its length and control characters, except
                   that a value a spreadsheet would run as a formula (its first character
                   after any &apos; is =, +, -, @, tab or carriage return) gets a leading &apos;,
                   which update --from takes off again.
  --show-notes     With list&apos;s table: a NOTE column, each note&apos;s first 40 characters
                   on one line. (csv and json always carry the notes whole.)
  --json           The same as --format json: the server&apos;s JSON envelope, read and
                   written again as one line of valid JSON; the text exactly as stored,
                   escaped: \n, \r, \t, \b and \f as such, every other control or format
                   character (bidi controls and marks too) and U+2028/U+2029 as \uXXXX.
                   (list asks with an unknown escalation ID, so its envelope is the 400
                   &quot;Escalation not found&quot; answer whose data.escalations is the active
                   list.) With update, the envelope without the escalations&apos; notes; with
                   update --from, one envelope per case sent, in order.
  --help, --version

Bulk files (update --from FILE, at most %1 MiB):
  CSV whose first row names the columns, in any order: escalationId and at least one of
  note, followUpDueAt (ISO 8601 with a zone, e.g. 2025-06-15T09:00:00Z) and
  assignedToEmail, plus optionally caseId. Quoted cells may hold commas, quotes and line
  breaks, as spreadsheets write them. An empty cell leaves that field unchanged (a note
  cannot be cleared this way). Or JSON lines, when the first character is &quot;{&quot;: one object
  per line with the same keys; a missing key, null or &quot;&quot; leaves the field unchanged.
  Rows without a caseId cell go to --case; with a caseId column --case may be omitted.
  A file written by list --format csv is taken as it is: its columns type, title,
  assignedToUserId and assignee (and createdAt, updatedAt) are ignored, one line on
  standard error names them, and the &apos; it put before a formula is taken off.
  Every case is listed first, and only the fields that differ from what the server holds
  are sent (assignedToEmail is compared when the team directory knows the current
  assignee&apos;s e-mail): a row with nothing left is dropped, and a case with nothing left
  is not sent (&quot;Case ID: nothing to change; not sent.&quot;, exit code 0). A note that looks
  like what a display shows is refused, naming its row, unless --accept-display-marks.
  The whole file is checked before anything is sent: the first bad row is named (&quot;Row 4:&quot;,
  counting the header as row 1; &quot;Line 3:&quot; for JSON lines), nothing is sent, and the exit
  code is 3; a case that cannot be listed also stops the run before anything is sent.
  Each case gets one request with all its changed rows, cases in the order they first
  appear, each reported on a line of its own (&quot;Case ID: ...&quot;, no table: note text is never
  printed; run list to see the result); the first case that fails ends the run, and the
  cases after it are not sent.
  With --base OLD (a list --format csv file, read as FILE is): a field FILE holds as OLD
  had it is not sent, so a change someone made to it since stays. Every other field to
  send is compared with what the server holds now (the note&apos;s text exactly, an empty
  note the same as none; the follow-up as an instant; the assignee by OLD&apos;s
  assignedToUserId): if it is no longer OLD&apos;s, someone changed it after the export and
  nothing is sent, exit code 3, one line per such field naming its row, the field and
  the escalation ID (&quot;Row 4: note of escalation ID was changed ...&quot;). A row whose
  escalation is not in OLD is refused the same way, before anything is listed. Without
  --base, the server&apos;s value is overwritten, whoever changed it.

Follow-ups (due): every active escalation with a follow-up date, soonest first, as
its case was last listed by the console or by list or update here. Each successful list
or update keeps the case&apos;s active escalations on this computer, never their notes, for as
many days after the case was last listed as the console&apos;s Preferences say (Follow-ups;
30 by default). due sends nothing and reads no keychain, so a change made on Care360
since shows only once the case is listed again: REFRESHED (lastRefreshedAt) says when it
was. When nothing is kept or nothing matches, the table is a sentence on standard error
(exit code 0); csv prints only its header, json [].
  --profile NAME   Only one organisation profile (name or id); or, as before profiles,
                   production, staging, sandbox or a custom server&apos;s URL.
  --within DURATION
                   Only what is due within DURATION from now, and what is already
                   overdue: a number and m, h or d (90m, 12h, 1d, 30d).
  --overdue        Only what is overdue.
  --mine           Only what is assigned to you: the user IDs that the team directory or
                   the e-mails learnt from reassignments give your e-mail (Settings &gt;
                   Preferences &gt; Follow-ups in the console; followUps/myEmail).
  --format FORMAT  table (the default: local times; titles and assignees as list shows
                   them), csv (RFC 4180 with the header caseId,escalationId,type,title,
                   followUpDueAt,assignedToUserId,assignee,profile,lastRefreshedAt; dates
                   in UTC ISO 8601; formulas neutralised as list&apos;s are) or json (an array
                   of objects with those keys, assignedToUserId and assignee null when
                   nobody is assigned; escaped as list&apos;s is).

Team directory (one per organisation profile, shared with the console, which shows
assignees by name):
  directory import FILE  Replaces the team directory with FILE (&quot;-&quot; for standard input):
                   CSV with the header userId,email[,name] (any order) or a JSON array of
                   {&quot;userId&quot;: ..., &quot;email&quot;: ..., &quot;name&quot;: ...}. One bad row and nothing is
                   imported (exit code 3).
  directory show   Prints the team directory.

Company networks: the console&apos;s proxy choice (Settings &gt; Preferences) applies. With the
system&apos;s (the default), the proxy variables decide as they do for curl when any is set:
https_proxy / HTTPS_PROXY for https, http_proxy for http, else all_proxy / ALL_PROXY
(&quot;host:port&quot; means http://), never for this computer&apos;s own addresses, and not for the
hosts no_proxy lists (&quot;*&quot;, a host, or a domain); with none set, the desktop&apos;s settings.
A proxy that asks for a login gets the user:password written in its URL
(http://user:password@host:port), else the login the console saved in the keychain.

Organisation profiles (shared with the console): Care360 gives each organisation its own
API key, kept in the system keychain under the profile&apos;s id. profile list prints NAME,
ENVIRONMENT, ADDRESS, KEY (stored or none) and ID; with --format json an array of
{&quot;id&quot;, &quot;name&quot;, &quot;environment&quot;, &quot;baseUrl&quot;, &quot;hasKey&quot;}. Names are unique in any case. profile
remove deletes the profile&apos;s key too; it asks on a terminal, elsewhere it needs --yes.

The API key is never taken from the command line: it comes from CARE360_API_KEY, or else
from the system keychain for the profile (store it with &quot;key set&quot;, which reads it from
standard input).

Exit codes: 0 success, 2 usage (also a file that cannot be read, the follow-ups kept
too), 3 validation failed (also a bad bulk or directory file; nothing was sent or
imported), 4 case or escalation not found, 5 permission denied or bad key, 6 assignee
not found, 7 network, timeout or TLS, 8 unexpected response.
Logs: QT_LOGGING_RULES=&quot;care360.api.info=true&quot;.
</source>
        <translation>Uso:
  care360-escalations-cli [--env ENTORNO] [--base-url URL] list --case ID
      [--format table|csv|json] [--show-notes]
  care360-escalations-cli [--env ENTORNO] [--base-url URL] update --case ID
      --escalation ID [--note-file ARCHIVO] [--follow-up CUÁNDO] [--assign CORREO]
      [--escalation ID ...]                       (todos los grupos van en una solicitud)
  care360-escalations-cli [--env ENTORNO] [--base-url URL] update [--case ID] --from ARCHIVO
      [--base ANTERIOR] [--accept-display-marks]  (una solicitud por caso de ARCHIVO)
  care360-escalations-cli due [--profile NOMBRE] [--within DURACIÓN | --overdue] [--mine]
      [--format table|csv|json]                   (desde esta computadora; no se envía nada)
  care360-escalations-cli [--profile NOMBRE] directory import ARCHIVO
  care360-escalations-cli [--profile NOMBRE] directory show
  care360-escalations-cli [--profile NOMBRE] key set|forget|status
  care360-escalations-cli profile list [--format table|json]
  care360-escalations-cli profile add NOMBRE --env production|staging|custom [--base-url URL]
  care360-escalations-cli profile rename NOMBRE NUEVO
  care360-escalations-cli profile remove NOMBRE [--yes]

Muestra y edita los escalamientos activos de un caso de Care360. El texto de las notas solo
se muestra donde se pide: en list con --show-notes, o con --format csv o json. La tabla lo
omite, y nada de lo que se muestra después de un update contiene notas. Los errores indican
un argumento incorrecto por su posición (1 es el primero después del nombre del programa),
nunca por su texto.

Opciones:
  --profile NOMBRE El perfil de organización (el nombre, sin importar mayúsculas, o el id)
                   en todos los comandos; también CARE360_PROFILE. Sin él: el perfil que
                   corresponde a --env y --base-url, si no el único perfil; con varios y
                   ninguno indicado, el comando se niega y los enumera (código de salida 2).
  --env ENTORNO    production (predeterminado), staging, sandbox o custom.
  --base-url URL   La dirección del servidor; obligatoria con --env sandbox (la URL que
                   muestra care360-sandbox en ejecución) y con --env custom. http:// sin
                   cifrar solo para la dirección local (loopback).
  --case ID        El UUID del caso, o un enlace o cualquier texto que lo contenga.
  --escalation ID  Inicia los cambios de un escalamiento; las opciones siguientes se le
                   aplican.
  --note-file ARCHIVO
                   Nota nueva, leída de ARCHIVO (&quot;-&quot; para la entrada estándar). No existe
                   --note TEXTO: la información del paciente nunca va en los argumentos del
                   proceso.
  --follow-up CUÁNDO
                   Nueva fecha de seguimiento: ISO 8601 (2025-06-15T09:00:00Z) o
                   &quot;FECHA HORA&quot; en hora local (2025-06-15 09:00).
  --assign CORREO  Reasignar a este usuario de Care360.
  --from ARCHIVO   Toma los cambios de un archivo masivo (&quot;-&quot; para la entrada estándar;
                   vea más abajo).
  --base ANTERIOR  Con --from: la exportación de list --format csv a partir de la cual se
                   editó ARCHIVO. Solo se envían los campos que ARCHIVO cambia respecto de
                   ANTERIOR, y solo si Care360 todavía tiene el valor de ANTERIOR: un campo
                   que alguien cambió desde la exportación hace rechazar toda la ejecución
                   (vea más abajo).
  --accept-display-marks
                   Con --from: enviar una nota que parece lo que muestra una pantalla
                   (4096 caracteres que terminan en &quot;…&quot;, o un símbolo como ␉ para un
                   carácter de control) en lugar de rechazar su fila.
  --timeout SEGS   El tiempo máximo total de una solicitud (60 de forma predeterminada); un
                   servidor que deja de enviar durante 30 s la termina antes.
  --ca-file ARCHIVO
                   Confiar también en las autoridades de certificación de ARCHIVO (PEM o
                   DER), p. ej. aquella con la que firma un proxy de la empresa que
                   inspecciona el tráfico seguro. También se agregan las de SSL_CERT_FILE,
                   SSL_CERT_DIR y las Preferencias de la consola; las del sistema siguen
                   siendo de confianza y la verificación nunca se desactiva.
  --format FORMATO Cómo muestra list: table (predeterminado; responsables por nombre o
                   correo electrónico cuando el directorio del equipo los conoce; sin
                   notas), csv o json.
                   csv: RFC 4180 con el encabezado escalationId,type,title,note,followUpDueAt,
                   assignedToUserId,assignee (fechas en UTC ISO 8601). Cada valor es el texto
                   guardado exactamente, sea cual sea su longitud y sus caracteres de control,
                   salvo que un valor que una hoja de cálculo ejecutaría como fórmula (su
                   primer carácter después de los &apos; iniciales es =, +, -, @, tabulación o
                   retorno de carro) lleva un &apos; delante, que update --from vuelve a quitar.
  --show-notes     Con la tabla de list: una columna NOTA con los primeros 40 caracteres
                   de cada nota en una línea. (csv y json siempre incluyen las notas
                   completas.)
  --json           Lo mismo que --format json: el sobre JSON del servidor, leído y escrito de
                   nuevo como una línea de JSON válido; el texto exactamente como está
                   guardado, escapado: \n, \r, \t, \b y \f como tales, cualquier otro
                   carácter de control o de formato (también los controles y marcas bidi) y
                   U+2028/U+2029 como \uXXXX. (list
                   consulta con un ID de escalamiento desconocido, así que su sobre es la
                   respuesta 400 &quot;Escalation not found&quot; cuyo data.escalations es la lista
                   de activos.) Con update, el sobre sin las notas de los escalamientos;
                   con update --from, un sobre por caso enviado, en orden.
  --help, --version

Archivos masivos (update --from ARCHIVO, como máximo %1 MiB):
  CSV cuya primera fila nombra las columnas, en cualquier orden: escalationId y al menos una
  de note, followUpDueAt (ISO 8601 con zona, p. ej. 2025-06-15T09:00:00Z) y
  assignedToEmail, además de caseId de forma opcional. Las celdas entre comillas pueden
  contener comas, comillas y saltos de línea, tal como los escriben las hojas de cálculo.
  Una celda vacía deja ese campo sin cambios (una nota no se puede borrar así). O bien
  líneas JSON, cuando el primer carácter es &quot;{&quot;: un objeto por línea con las mismas claves;
  una clave ausente, null o &quot;&quot; deja el campo sin cambios.
  Las filas sin celda caseId van a --case; con una columna caseId se puede omitir --case.
  Un archivo escrito por list --format csv se acepta tal cual: sus columnas type, title,
  assignedToUserId y assignee (y createdAt, updatedAt) se ignoran, una línea en la salida
  de errores las nombra, y se quita el &apos; que puso delante de una fórmula.
  Primero se consulta cada caso, y solo se envían los campos que difieren de lo que tiene
  el servidor (assignedToEmail se compara cuando el directorio del equipo conoce el correo
  electrónico del responsable actual): una fila a la que no le queda nada se descarta, y un
  caso al que no le queda nada no se envía (&quot;Caso ID: nada que cambiar; no enviado.&quot;,
  código de salida 0). Una nota que parece lo que muestra una pantalla se rechaza,
  indicando su fila, salvo que se indique --accept-display-marks.
  Todo el archivo se revisa antes de enviar nada: se indica la primera fila incorrecta
  (&quot;Fila 4:&quot;, contando el encabezado como fila 1; &quot;Línea 3:&quot; para líneas JSON), no se envía
  nada y el código de salida es 3; un caso que no se puede consultar también detiene la
  ejecución antes de enviar nada. Cada caso recibe una solicitud con todas sus filas
  modificadas, los casos en el orden en que aparecen por primera vez, cada uno informado en
  su propia línea (&quot;Caso ID: ...&quot;, sin tabla: el texto de las notas nunca se muestra;
  ejecute list para ver el resultado); el primer caso que falla termina la ejecución, y los
  casos posteriores no se envían.
  Con --base ANTERIOR (un archivo de list --format csv, leído igual que ARCHIVO): un campo
  que ARCHIVO tiene tal como lo tenía ANTERIOR no se envía, así que un cambio que alguien
  le haya hecho desde entonces se mantiene. Cada uno de los demás campos que se enviarán
  se compara con lo que tiene ahora el servidor (el texto de la nota exactamente, una nota
  vacía igual que ninguna; el seguimiento como un instante; el responsable según el
  assignedToUserId de ANTERIOR): si ya no es el de ANTERIOR, alguien lo cambió después de
  la exportación y no se envía nada, código de salida 3, con una línea por cada uno de
  esos campos que indica su fila, el campo y el ID del escalamiento (&quot;Fila 4: el campo note
  del escalamiento ID se cambió ...&quot;). Una fila cuyo escalamiento no está en ANTERIOR se
  rechaza de la misma manera, antes de consultar nada. Sin --base, el valor del servidor
  se sobrescribe, sin importar quién lo haya cambiado.

Seguimientos (due): cada escalamiento activo con fecha de seguimiento, primero el más
próximo, tal como estaba cuando la consola, o list o update aquí, consultó su caso por
última vez. Cada list o update que termina bien guarda en esta computadora los
escalamientos activos del caso, nunca sus notas, durante los días que indiquen las
Preferencias de la consola (Seguimientos; 30 de forma predeterminada) desde la última
consulta del caso. due no envía nada ni lee ningún llavero, así que un cambio hecho en
Care360 desde entonces solo se ve cuando el caso se vuelve a consultar: ACTUALIZADO
(lastRefreshedAt) indica cuándo fue. Si no hay nada guardado o nada coincide, la tabla es
una frase en la salida de errores (código de salida 0); csv muestra solo su encabezado, y
json, [].
  --profile NOMBRE Solo un perfil de organización (nombre o id); o, como antes de los
                   perfiles, production, staging, sandbox o la URL de un servidor propio.
  --within DURACIÓN
                   Solo lo que vence dentro de DURACIÓN a partir de ahora, y lo que ya está
                   vencido: un número y m, h o d (90m, 12h, 1d, 30d).
  --overdue        Solo lo que está vencido.
  --mine           Solo lo asignado a usted: los ID de usuario que el directorio del equipo
                   o los correos electrónicos aprendidos de las reasignaciones asocian a su
                   correo electrónico (Configuración &gt; Preferencias &gt; Seguimientos en la
                   consola; followUps/myEmail).
  --format FORMATO table (predeterminado: horas locales; títulos y responsables como los
                   muestra list), csv (RFC 4180 con el encabezado caseId,escalationId,type,
                   title,followUpDueAt,assignedToUserId,assignee,profile,lastRefreshedAt;
                   fechas en UTC ISO 8601; fórmulas neutralizadas como las de list) o json
                   (un arreglo de objetos con esas claves, con assignedToUserId y assignee
                   en null cuando no hay responsable; escapado como el de list).

Directorio del equipo (uno por perfil de organización, compartido con la consola, que
muestra a los responsables por nombre):
  directory import ARCHIVO
                   Reemplaza el directorio del equipo con ARCHIVO (&quot;-&quot; para la entrada
                   estándar): CSV con el encabezado userId,email[,name] (en cualquier orden) o
                   un arreglo JSON de {&quot;userId&quot;: ..., &quot;email&quot;: ..., &quot;name&quot;: ...}. Con una
                   sola fila incorrecta no se importa nada (código de salida 3).
  directory show   Muestra el directorio del equipo.

Redes de empresa: se aplica la elección de proxy de la consola (Configuración &gt; Preferencias).
Con la del sistema (la predeterminada), las variables de proxy deciden como para curl cuando
hay alguna definida: https_proxy / HTTPS_PROXY para https, http_proxy para http, si no
all_proxy / ALL_PROXY (&quot;servidor:puerto&quot; significa http://), nunca para las direcciones de
esta computadora y no para los servidores que lista no_proxy (&quot;*&quot;, un servidor o un dominio);
sin ninguna definida, la configuración del escritorio. A un proxy que pide credenciales se le
da el usuario:contraseña escrito en su URL (http://usuario:contraseña@servidor:puerto) o, si
no, las credenciales que la consola guardó en el llavero.

Perfiles de organización (compartidos con la consola): Care360 da a cada organización su
propia clave de API, guardada en el llavero del sistema con el id del perfil. profile list
muestra NOMBRE, ENTORNO, DIRECCIÓN, CLAVE (guardada o ninguna) e ID; con --format json, un
arreglo de {&quot;id&quot;, &quot;name&quot;, &quot;environment&quot;, &quot;baseUrl&quot;, &quot;hasKey&quot;}. Los nombres son
únicos sin importar mayúsculas. profile remove borra también la clave del perfil; pregunta
en una terminal y, fuera de ella, necesita --yes.

La clave de API nunca se toma de la línea de comandos: proviene de CARE360_API_KEY o, si no,
del llavero del sistema para el perfil (guárdela con &quot;key set&quot;, que la lee de la entrada
estándar).

Códigos de salida: 0 éxito, 2 uso (también un archivo que no se puede leer, incluido el de
los seguimientos guardados), 3 falló la validación (también un archivo masivo o de
directorio incorrecto; no se envió ni importó nada), 4 caso o escalamiento no encontrado,
5 permiso denegado o clave incorrecta, 6 responsable no encontrado, 7 red, tiempo de
espera o TLS, 8 respuesta inesperada.
Registros: QT_LOGGING_RULES=&quot;care360.api.info=true&quot;.
</translation>
    </message>
</context>
<context>
    <name>CliOutput</name>
    <message>
        <source>Not an active escalation of this case (completed or unknown): %1; nothing was saved. (request ID %2)</source>
        <translation>No es un escalamiento activo de este caso (completado o desconocido): %1; no se guardó nada. (ID de solicitud %2)</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>No se guardó nada.</translation>
    </message>
    <message>
        <source>The update may have been applied: run list to check before sending it again.</source>
        <translation>Es posible que la actualización se haya aplicado: ejecute list para comprobarlo antes de enviarla de nuevo.</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>No se envió nada.</translation>
    </message>
    <message>
        <source>%1 (request ID %2)</source>
        <translation>%1 (ID de solicitud %2)</translation>
    </message>
    <message>
        <source>No active escalations.</source>
        <translation>No hay escalamientos activos.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>TIPO</translation>
    </message>
    <message>
        <source>TITLE</source>
        <translation>TÍTULO</translation>
    </message>
    <message>
        <source>FOLLOW-UP</source>
        <translation>SEGUIMIENTO</translation>
    </message>
    <message>
        <source>ASSIGNED TO</source>
        <translation>ASIGNADO A</translation>
    </message>
    <message>
        <source>NOTE</source>
        <translation>NOTA</translation>
    </message>
</context>
<context>
    <name>CliProfiles</name>
    <message>
        <source>No organisation profile is called &quot;%1&quot;; there are none yet. Add one with &quot;profile add NAME --env production&quot;.</source>
        <translation>Ningún perfil de organización se llama &quot;%1&quot;; todavía no hay ninguno. Agregue uno con &quot;profile add NOMBRE --env production&quot;.</translation>
    </message>
    <message>
        <source>No organisation profile is called &quot;%1&quot;. The profiles are: %2.</source>
        <translation>Ningún perfil de organización se llama &quot;%1&quot;. Los perfiles son: %2.</translation>
    </message>
    <message>
        <source>Several organisation profiles exist (%1): name one with --profile NAME or CARE360_PROFILE.</source>
        <translation>Hay varios perfiles de organización (%1): indique uno con --profile NOMBRE o CARE360_PROFILE.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOMBRE</translation>
    </message>
    <message>
        <source>ENVIRONMENT</source>
        <translation>ENTORNO</translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <translation>DIRECCIÓN</translation>
    </message>
    <message>
        <source>KEY</source>
        <translation>CLAVE</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>stored</source>
        <translation>guardada</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>No organisation profiles yet; add one with &quot;profile add NAME --env production&quot;.</source>
        <translation>Todavía no hay perfiles de organización; agregue uno con &quot;profile add NOMBRE --env production&quot;.</translation>
    </message>
    <message>
        <source>Added %1 (id %2). Store its API key with: care360-escalations-cli key set --profile &quot;%3&quot;</source>
        <translation>Se agregó %1 (id %2). Guarde su clave de API con: care360-escalations-cli key set --profile &quot;%3&quot;</translation>
    </message>
    <message>
        <source>No organisation profile is called &quot;%1&quot;.</source>
        <translation>Ningún perfil de organización se llama &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Renamed &quot;%1&quot; to &quot;%2&quot;; its key and cases stay with it.</source>
        <translation>Se cambió el nombre de &quot;%1&quot; a &quot;%2&quot;; su clave y sus casos siguen con él.</translation>
    </message>
    <message>
        <source>Remove %1 and delete its API key from the system keychain?</source>
        <translation>¿Quitar %1 y borrar su clave de API del llavero del sistema?</translation>
    </message>
    <message>
        <source>Confirm with --yes.</source>
        <translation>Confirme con --yes.</translation>
    </message>
    <message>
        <source>Type yes to remove it:</source>
        <translation>Escriba sí para quitarlo:</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>Nothing was removed.</source>
        <translation>No se quitó nada.</translation>
    </message>
    <message>
        <source>%1 was not removed: %2</source>
        <translation>No se quitó %1: %2</translation>
    </message>
    <message>
        <source>Removed %1 and its API key.</source>
        <translation>Se quitaron %1 y su clave de API.</translation>
    </message>
    <message>
        <source>The API key of %1 was deleted, but the organisation stays in the list. %2</source>
        <translation>Se borró la clave de API de %1, pero la organización sigue en la lista. %2</translation>
    </message>
</context>
<context>
    <name>CredentialResult</name>
    <message>
        <source>no details given</source>
        <translation>sin detalles</translation>
    </message>
    <message>
        <source>the keychain service is not running</source>
        <translation>el servicio del llavero no está en ejecución</translation>
    </message>
    <message>
        <source>the keychain did not answer in time</source>
        <translation>el llavero no respondió a tiempo</translation>
    </message>
    <message>
        <source>this session has no connection to a keychain</source>
        <translation>esta sesión no tiene conexión con ningún llavero</translation>
    </message>
    <message>
        <source>the unlock prompt was dismissed</source>
        <translation>se cerró la solicitud de desbloqueo</translation>
    </message>
    <message>
        <source>GNOME Keyring, KWallet with its Secret Service interface or KeePassXC&apos;s Secret Service integration (the macOS Keychain and the Windows Credential Manager are used automatically)</source>
        <translation>GNOME Keyring, KWallet con su interfaz Secret Service o la integración Secret Service de KeePassXC (el Llavero de macOS y el Administrador de credenciales de Windows se usan automáticamente)</translation>
    </message>
    <message>
        <source>To remember it, install or enable %1, then enter the key again.</source>
        <translation>Para recordarla, instale o active %1 y luego ingrese la clave de nuevo.</translation>
    </message>
    <message>
        <source>Your key will not be remembered: no keychain is available (%1).</source>
        <translation>Su clave no se recordará: no hay ningún llavero disponible (%1).</translation>
    </message>
    <message>
        <source>The API key is saved in the system keychain.</source>
        <translation>La clave de API está guardada en el llavero del sistema.</translation>
    </message>
    <message>
        <source>The API key was removed from the system keychain.</source>
        <translation>La clave de API se quitó del llavero del sistema.</translation>
    </message>
    <message>
        <source>An API key is kept in memory for this session only; it will not be remembered.</source>
        <translation>Hay una clave de API en memoria solo para esta sesión; no se recordará.</translation>
    </message>
    <message>
        <source>An API key is saved in the system keychain for this environment.</source>
        <translation>Hay una clave de API guardada en el llavero del sistema para este entorno.</translation>
    </message>
    <message>
        <source>No API key was saved for this environment.</source>
        <translation>No había ninguna clave de API guardada para este entorno.</translation>
    </message>
    <message>
        <source>No API key is saved for this environment yet. Enter one to connect.</source>
        <translation>Todavía no hay una clave de API guardada para este entorno. Ingrese una para conectarse.</translation>
    </message>
    <message>
        <source>Your key will not be remembered: no keychain is available (%1). It is kept in memory until you close the console.</source>
        <translation>Su clave no se recordará: no hay ningún llavero disponible (%1). Se conserva en memoria hasta que cierre la consola.</translation>
    </message>
    <message>
        <source>The API key kept in memory for this session was forgotten; no keychain is available (%1).</source>
        <translation>Se olvidó la clave de API en memoria de esta sesión; no hay ningún llavero disponible (%1).</translation>
    </message>
    <message>
        <source>No keychain is available (%1). Install or enable %2, then try again.</source>
        <translation>No hay ningún llavero disponible (%1). Instale o active %2 y luego inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Access to the system keychain was denied (%1). Allow Care360 Escalations to use the keychain when it asks, or check the keychain&apos;s access settings, then try again.</source>
        <translation>Se denegó el acceso al llavero del sistema (%1). Permita que Care360 Escalations use el llavero cuando se lo pida, o revise la configuración de acceso del llavero, y luego inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The keychain is locked. Unlock your keyring, for example in Passwords and Keys or by logging in again, then try again.</source>
        <translation>El llavero está bloqueado. Desbloquee su llavero, por ejemplo en Contraseñas y claves o iniciando sesión de nuevo, y luego inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The system keychain reported an error: %1. Try again; if it keeps failing, check the keychain application.</source>
        <translation>El llavero del sistema informó un error: %1. Inténtelo de nuevo; si sigue fallando, revise la aplicación del llavero.</translation>
    </message>
</context>
<context>
    <name>DueOutput</name>
    <message>
        <source>WHEN</source>
        <translation>CUÁNDO</translation>
    </message>
    <message>
        <source>DUE</source>
        <translation>VENCIMIENTO</translation>
    </message>
    <message>
        <source>TITLE</source>
        <translation>TÍTULO</translation>
    </message>
    <message>
        <source>CASE</source>
        <translation>CASO</translation>
    </message>
    <message>
        <source>PROFILE</source>
        <translation>PERFIL</translation>
    </message>
    <message>
        <source>ASSIGNED TO</source>
        <translation>ASIGNADO A</translation>
    </message>
    <message>
        <source>REFRESHED</source>
        <translation>ACTUALIZADO</translation>
    </message>
</context>
<context>
    <name>KeyCommand</name>
    <message>
        <source>Paste the API key for %1 and press Enter (it is not shown):</source>
        <translation>Pegue la clave de API para %1 y presione Intro (no se muestra):</translation>
    </message>
    <message>
        <source>The API key for %1 is saved in the system keychain.</source>
        <translation>La clave de API para %1 está guardada en el llavero del sistema.</translation>
    </message>
    <message>
        <source>No API key is stored for %1 any more.</source>
        <translation>Ya no hay ninguna clave de API guardada para %1.</translation>
    </message>
    <message>
        <source>stored: an API key for %1 is saved in the system keychain.</source>
        <translation>guardada: hay una clave de API para %1 guardada en el llavero del sistema.</translation>
    </message>
    <message>
        <source>not stored: no API key is saved for %1.</source>
        <translation>no guardada: no hay ninguna clave de API guardada para %1.</translation>
    </message>
    <message>
        <source>The environment&apos;s address &quot;%1&quot; is not a valid URL.</source>
        <translation>La dirección del entorno &quot;%1&quot; no es una URL válida.</translation>
    </message>
    <message>
        <source>Unknown key command &quot;%1&quot;: use set, forget or status.</source>
        <translation>Comando de clave desconocido &quot;%1&quot;: use set, forget o status.</translation>
    </message>
</context>
<context>
    <name>PracticeSandbox</name>
    <message>
        <source>The sandbox data file %1 cannot be used: %2</source>
        <translation>No se puede usar el archivo de datos del Sandbox %1: %2</translation>
    </message>
    <message>
        <source>The practice sandbox could not start: no free local port.</source>
        <translation>No se pudo iniciar el Sandbox de práctica: no hay ningún puerto local libre.</translation>
    </message>
    <message numerus="yes">
        <source>%1 demo case, %Ln active escalation(s)</source>
        <translation>
            <numerusform>Caso de demostración de %1, %Ln escalamiento activo</numerusform>
            <numerusform>Caso de demostración de %1, %Ln escalamientos activos</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (demo)</source>
        <translation>%1 (demostración)</translation>
    </message>
</context>
<context>
    <name>ProfileStore</name>
    <message>
        <source>Enter a name for the organisation.</source>
        <translation>Ingrese un nombre para la organización.</translation>
    </message>
    <message numerus="yes">
        <source>The name is too long: at most %Ln characters.</source>
        <translation>
            <numerusform>El nombre es demasiado largo: como máximo %Ln carácter.</numerusform>
            <numerusform>El nombre es demasiado largo: como máximo %Ln caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <source>The name must be one line of text.</source>
        <translation>El nombre debe ser una sola línea de texto.</translation>
    </message>
    <message>
        <source>There is already an organisation called &quot;%1&quot;. Choose another name.</source>
        <translation>Ya hay una organización llamada &quot;%1&quot;. Elija otro nombre.</translation>
    </message>
    <message>
        <source>The sandbox&apos;s practice organisations are built in.</source>
        <translation>Las organizaciones de práctica del sandbox vienen incluidas.</translation>
    </message>
    <message>
        <source>The address &quot;%1&quot; is not a valid URL.</source>
        <translation>La dirección &quot;%1&quot; no es una URL válida.</translation>
    </message>
    <message>
        <source>That organisation no longer exists.</source>
        <translation>Esa organización ya no existe.</translation>
    </message>
    <message>
        <source>%1 was not added.</source>
        <translation>No se agregó %1.</translation>
    </message>
    <message>
        <source>The name stays as it was.</source>
        <translation>El nombre sigue como estaba.</translation>
    </message>
    <message>
        <source>The list of organisations could not be saved in %1: the disk may be full or read-only.</source>
        <translation>No se pudo guardar la lista de organizaciones en %1: es posible que el disco esté lleno o sea de solo lectura.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Run care360-escalations-cli --help for usage.</source>
        <translation>Ejecute care360-escalations-cli --help para ver el uso.</translation>
    </message>
    <message>
        <source>Keep Care360 case escalations current: notes, follow-up dates and assignees.
The API key is kept in the system keychain; it is never accepted on the command line.</source>
        <translation>Mantenga al día los escalamientos de los casos de Care360: notas, fechas de seguimiento y responsables.
La clave de API se guarda en el llavero del sistema; nunca se acepta en la línea de comandos.</translation>
    </message>
    <message>
        <source>Environment to open: sandbox, staging, production or custom.</source>
        <translation>Entorno que se abrirá: sandbox, staging, production o custom.</translation>
    </message>
    <message>
        <source>Base URL of the Care360 API for --environment custom.</source>
        <translation>URL base de la API de Care360 para --environment custom.</translation>
    </message>
    <message>
        <source>Case ID (or a link containing it) to load on start.</source>
        <translation>ID del caso (o un enlace que lo contenga) que se cargará al iniciar.</translation>
    </message>
    <message>
        <source>JSON data file for the built-in practice sandbox.</source>
        <translation>Archivo de datos JSON para el Sandbox de práctica integrado.</translation>
    </message>
    <message>
        <source>Unknown environment &quot;%1&quot;: use sandbox, staging, production or custom.</source>
        <translation>Entorno desconocido &quot;%1&quot;: use sandbox, staging, production o custom.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a usable URL.</source>
        <translation>&quot;%1&quot; no es una URL utilizable.</translation>
    </message>
    <message>
        <source>Organisation profile to open, by name or id.</source>
        <translation>Perfil de organización que se abre, por nombre o id.</translation>
    </message>
</context>
</TS>
